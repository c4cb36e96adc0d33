#!/usr/bin/env bash
# An administrator's day with the AWS CLI (Debian's awscli, v2) against Gatehouse, as AwsCliScenarioIT runs it:
# a pool with a custom attribute, an invited user through the temporary-password challenge, a group in the tokens,
# a filtered, paged list-users, a CSV import job, an export with password hashes, an identity provider, (when the
# CLI is new enough) a client secret rotation, an identity pool for the client with a rule mapping its groups to
# roles, and developer-authenticated identities looked up, merged and unlinked. Each step checks its answer; the
# first surprise stops the script (exit 1).
#
# Environment: GATEHOUSE_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (the admin credential), AWS_CLI (the
# aws binary; default /usr/bin/aws, Debian's, not a pip-installed v1 that may come first on PATH), GATEHOUSE_IDP_TYPE
# (a provider type installed on the server that takes client_id, client_secret, a private_key it does not show and
# an oidc_issuer it completes authorize_url from, as AwsCliScenarioIT's test type does).
set -euo pipefail
AWS_CLI=${AWS_CLI:-/usr/bin/aws}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
idp() { "$AWS_CLI" cognito-idp --endpoint-url "$GATEHOUSE_ENDPOINT" --output text "$@"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
expect() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }
claims() { # the payload of a JWT, as JSON
  python3 -c 'import base64,sys; p=sys.argv[1].split(".")[1]; print(base64.urlsafe_b64decode(p+"="*(-len(p)%4)).decode())' "$1"
}
claim() { python3 -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print(",".join(v) if isinstance(v,list) else v)' "$1" "$2"; }

"$AWS_CLI" --version
pool=$(idp create-user-pool --pool-name cli-scenario --query UserPool.Id)
echo "pool $pool"
idp add-custom-attributes --user-pool-id "$pool" \
  --custom-attributes Name=team,AttributeDataType=String,Mutable=true >/dev/null
expect "$(idp describe-user-pool --user-pool-id "$pool" \
  --query "UserPool.SchemaAttributes[?Name=='custom:team'].Name | [0]")" "custom:team" "the custom attribute"
client=$(idp create-user-pool-client --user-pool-id "$pool" --client-name cli \
  --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId)

echo "== an invited user chooses a password at first sign-in"
idp admin-create-user --user-pool-id "$pool" --username alice --temporary-password 'Temporary-Pass-1' \
  --message-action SUPPRESS --user-attributes Name=email,Value=alice@example.com Name=custom:team,Value=blue \
  Name=family_name,Value=Scenario >/dev/null
expect "$(idp admin-get-user --user-pool-id "$pool" --username alice --query UserStatus)" FORCE_CHANGE_PASSWORD \
  "status after admin-create-user"
read -r challenge session < <(idp initiate-auth --client-id "$client" --auth-flow USER_PASSWORD_AUTH \
  --auth-parameters USERNAME=alice,PASSWORD='Temporary-Pass-1' --query '[ChallengeName, Session]')
expect "$challenge" NEW_PASSWORD_REQUIRED "first sign-in"
idp respond-to-auth-challenge --client-id "$client" --challenge-name NEW_PASSWORD_REQUIRED --session "$session" \
  --challenge-responses USERNAME=alice,NEW_PASSWORD='Chosen-Pass-2' --query AuthenticationResult.AccessToken >/dev/null
expect "$(idp admin-get-user --user-pool-id "$pool" --username alice --query UserStatus)" CONFIRMED \
  "status after the challenge"

echo "== a group, and the custom attribute, in the tokens"
idp create-group --user-pool-id "$pool" --group-name admins --precedence 1 \
  --role-arn arn:aws:iam::123456789012:role/admins >/dev/null
idp admin-add-user-to-group --user-pool-id "$pool" --group-name admins --username alice
id_token=$(idp initiate-auth --client-id "$client" --auth-flow USER_PASSWORD_AUTH \
  --auth-parameters USERNAME=alice,PASSWORD='Chosen-Pass-2' --query AuthenticationResult.IdToken)
payload=$(claims "$id_token")
expect "$(claim "$payload" cognito:groups)" admins "cognito:groups"
expect "$(claim "$payload" cognito:preferred_role)" arn:aws:iam::123456789012:role/admins "cognito:preferred_role"
expect "$(claim "$payload" custom:team)" blue "custom:team"
expect "$(idp list-users-in-group --user-pool-id "$pool" --group-name admins --query 'Users[].Username')" alice \
  "list-users-in-group"

echo "== a filtered, paged list-users"
for name in bob carol dave; do
  idp admin-create-user --user-pool-id "$pool" --username "$name" --message-action SUPPRESS \
    --temporary-password 'Temporary-Pass-1' --user-attributes Name=family_name,Value=Scenario >/dev/null
done
idp admin-create-user --user-pool-id "$pool" --username eve --message-action SUPPRESS \
  --temporary-password 'Temporary-Pass-1' --user-attributes Name=family_name,Value=Other >/dev/null
first_page=$(idp list-users --user-pool-id "$pool" --filter 'family_name = "Scenario"' --limit 2 --no-paginate \
  --output json)
expect "$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(len(d["Users"]), "PaginationToken" in d)' \
  "$first_page")" "2 True" "the first page of two"
# The CLI's own paginator follows PaginationToken to the end.
everyone=$(idp list-users --user-pool-id "$pool" --filter 'family_name = "Scenario"' --page-size 2 \
  --query 'Users[].Username' | tr '\t' '\n' | sort | tr '\n' ' ')
expect "$everyone" "alice bob carol dave " "every Scenario user, paged"
expect "$(idp list-users --user-pool-id "$pool" --filter 'username ^= "ev"' --query 'Users[].Username')" eve \
  "a prefix filter"
if idp list-users --user-pool-id "$pool" --filter 'family_name = Scenario' >/dev/null 2>/tmp/cli-error.$$; then
  fail "a malformed filter was accepted"
fi
grep -q InvalidParameterException /tmp/cli-error.$$ || fail "a malformed filter: $(cat /tmp/cli-error.$$)"
rm -f /tmp/cli-error.$$

echo "== a CSV import job"
header=$(idp get-csv-header --user-pool-id "$pool" --query 'CSVHeader' | tr '\t' ',')
case ",$header," in *,cognito:username,*) ;; *) fail "get-csv-header: $header" ;; esac
read -r job url < <(idp create-user-import-job --user-pool-id "$pool" --job-name cli-import \
  --cloud-watch-logs-role-arn arn:aws:iam::123456789012:role/import --query 'UserImportJob.[JobId, PreSignedUrl]')
csv=$(python3 - "$header" <<'PY'
import csv, io, sys
header = sys.argv[1].split(",")
rows = [{"cognito:username": "frank", "email": "frank@example.com", "email_verified": "true",
         "family_name": "Imported", "cognito:mfa_enabled": "false"},
        {"cognito:username": "grace", "email": "grace@example.com", "cognito:mfa_enabled": "false"}]
out = io.StringIO()
writer = csv.DictWriter(out, fieldnames=header, restval="")
writer.writeheader()
writer.writerows(rows)
print(out.getvalue(), end="")
PY
)
curl -sf -X PUT -H 'Content-Type: text/csv' --data-binary "$csv" "$url" >/dev/null || fail "the CSV upload"
idp start-user-import-job --user-pool-id "$pool" --job-id "$job" >/dev/null
for _ in $(seq 1 100); do
  status=$(idp describe-user-import-job --user-pool-id "$pool" --job-id "$job" --query UserImportJob.Status)
  case "$status" in Succeeded|Failed|Stopped) break ;; esac
  sleep 0.3
done
expect "$status" Succeeded "the import job"
expect "$(idp describe-user-import-job --user-pool-id "$pool" --job-id "$job" \
  --query 'UserImportJob.[ImportedUsers, FailedUsers]' | tr '\t' ' ')" "1 1" "imported and failed rows"
expect "$(idp admin-get-user --user-pool-id "$pool" --username frank --query UserStatus)" RESET_REQUIRED \
  "an imported user's status"
curl -sf "$url" | grep -q '^[0-9]*,grace,failed,' || fail "the import report names the failed row"

echo "== the users leave with their password hashes (curl's own SigV4, as the README shows)"
export_csv=$(curl -sf --aws-sigv4 "aws:amz:us-east-1:cognito-idp" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \
  "$GATEHOUSE_ENDPOINT/admin/user-pools/$pool/users") || fail "the export"
expect "$(python3 -c '
import csv, io, sys
rows = {r["cognito:username"]: r for r in csv.DictReader(io.StringIO(sys.argv[1]))}
a = rows["alice"]
print(len(rows), a["gatehouse:password_hash"][:10], a["gatehouse:groups"], a["custom:team"])' "$export_csv")" \
  '6 $argon2id$ ["admins"] blue' "the export: users, alice's hash, group and custom attribute"

echo "== an identity provider: created, described without its hidden secret, listed, found and deleted"
idp create-identity-provider --user-pool-id "$pool" --provider-name corp --provider-type "$GATEHOUSE_IDP_TYPE" \
  --provider-details client_id=cli-app,client_secret=cli-secret,private_key=cli-key,oidc_issuer=https://idp.example.com \
  --attribute-mapping email=mail --idp-identifiers example.com >/dev/null
expect "$(idp describe-identity-provider --user-pool-id "$pool" --provider-name corp --query \
  'IdentityProvider.[ProviderType, ProviderDetails.client_secret, ProviderDetails.authorize_url, AttributeMapping.email]' \
  | tr '\t' ' ')" "$GATEHOUSE_IDP_TYPE cli-secret https://idp.example.com/authorize mail" "describe-identity-provider"
expect "$(idp describe-identity-provider --user-pool-id "$pool" --provider-name corp \
  --query IdentityProvider.ProviderDetails.private_key)" None "a secret detail the type does not show"
expect "$(idp list-identity-providers --user-pool-id "$pool" --query 'Providers[].ProviderName')" corp \
  "list-identity-providers"
expect "$(idp get-identity-provider-by-identifier --user-pool-id "$pool" --idp-identifier EXAMPLE.COM \
  --query IdentityProvider.ProviderName)" corp "get-identity-provider-by-identifier, regardless of case"
idp delete-identity-provider --user-pool-id "$pool" --provider-name corp
expect "$(idp list-identity-providers --user-pool-id "$pool" --query 'length(Providers)')" 0 \
  "list-identity-providers after the delete"

echo "== a confidential client's secret rotated: two valid at once, then the old one deleted"
if "$AWS_CLI" cognito-idp help 2>/dev/null | grep -q add-user-pool-client-secret; then
  read -r confidential first_secret < <(idp create-user-pool-client --user-pool-id "$pool" --client-name rotating \
    --generate-secret --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH \
    --query 'UserPoolClient.[ClientId, ClientSecret]')
  first_id=$(idp list-user-pool-client-secrets --user-pool-id "$pool" --client-id "$confidential" \
    --query 'ClientSecrets[0].ClientSecretId')
  read -r second_id second_secret < <(idp add-user-pool-client-secret --user-pool-id "$pool" \
    --client-id "$confidential" --query 'ClientSecretDescriptor.[ClientSecretId, ClientSecretValue]')
  expect "$(idp list-user-pool-client-secrets --user-pool-id "$pool" --client-id "$confidential" \
    --query 'length(ClientSecrets)')" 2 "list-user-pool-client-secrets after the add"
  secret_hash() { python3 -c 'import base64,hashlib,hmac,sys; print(base64.b64encode(hmac.new(sys.argv[1].encode(),
(sys.argv[2]+sys.argv[3]).encode(), hashlib.sha256).digest()).decode())' "$1" alice "$confidential"; }
  for secret in "$first_secret" "$second_secret"; do
    idp initiate-auth --client-id "$confidential" --auth-flow USER_PASSWORD_AUTH --auth-parameters \
      USERNAME=alice,PASSWORD='Chosen-Pass-2',SECRET_HASH="$(secret_hash "$secret")" \
      --query AuthenticationResult.AccessToken >/dev/null || fail "sign-in with either secret"
  done
  idp delete-user-pool-client-secret --user-pool-id "$pool" --client-id "$confidential" --client-secret-id "$first_id"
  expect "$(idp list-user-pool-client-secrets --user-pool-id "$pool" --client-id "$confidential" \
    --query 'ClientSecrets[].ClientSecretId')" "$second_id" "the secret left"
  if idp delete-user-pool-client-secret --user-pool-id "$pool" --client-id "$confidential" \
    --client-secret-id "$second_id" 2>/dev/null; then fail "the last secret was deleted"; fi
else
  echo "(skipped: this AWS CLI predates client secret rotation)"
fi

echo "== an identity pool for the client, its groups mapped to roles by a rule (aws cognito-identity)"
identity() { "$AWS_CLI" cognito-identity --endpoint-url "$GATEHOUSE_ENDPOINT" --output text "$@"; }
provider="cognito-idp.us-east-1.amazonaws.com/$pool"
identity_pool=$(identity create-identity-pool --identity-pool-name "cli scenario" \
  --no-allow-unauthenticated-identities --identity-pool-tags stage=test \
  --cognito-identity-providers ProviderName="$provider",ClientId="$client",ServerSideTokenCheck=true \
  --query IdentityPoolId)
[[ "$identity_pool" =~ ^us-east-1:[0-9a-f-]{36}$ ]] || fail "identity pool id: $identity_pool"
expect "$(identity describe-identity-pool --identity-pool-id "$identity_pool" \
  --query 'CognitoIdentityProviders[0].ClientId')" "$client" "describe-identity-pool"
rules="{\"$provider:$client\": {\"Type\": \"Rules\", \"AmbiguousRoleResolution\": \"AuthenticatedRole\",
  \"RulesConfiguration\": {\"Rules\": [{\"Claim\": \"cognito:groups\", \"MatchType\": \"Contains\",
  \"Value\": \"admins\", \"RoleARN\": \"arn:aws:iam::123456789012:role/admins\"}]}}}"
identity set-identity-pool-roles --identity-pool-id "$identity_pool" --role-mappings "$rules" \
  --roles authenticated=arn:aws:iam::123456789012:role/members
expect "$(identity get-identity-pool-roles --identity-pool-id "$identity_pool" \
  --query 'values(RoleMappings)[0].RulesConfiguration.Rules[0].RoleARN')" arn:aws:iam::123456789012:role/admins \
  "get-identity-pool-roles"
if out=$(identity set-identity-pool-roles --identity-pool-id "$identity_pool" \
  --roles authenticated=arn:aws:iam::123456789012:role/members \
  --role-mappings '{"graph.facebook.com": {"Type": "Token", "AmbiguousRoleResolution": "Deny"}}' 2>&1); then
  fail "a mapping for a provider the pool does not accept was taken"
fi
[[ "$out" == *InvalidParameterException* ]] || fail "a mapping for an unknown provider: $out"
arn="arn:aws:cognito-identity:us-east-1:000000000000:identitypool/$identity_pool"
identity tag-resource --resource-arn "$arn" --tags team=blue
expect "$(identity list-tags-for-resource --resource-arn "$arn" --query Tags.team)" blue "list-tags-for-resource"
expect "$(identity list-identity-pools --max-results 60 \
  --query "IdentityPools[?IdentityPoolId=='$identity_pool'].IdentityPoolName | [0]")" "cli scenario" \
  "list-identity-pools"
identity delete-identity-pool --identity-pool-id "$identity_pool"
if out=$(identity describe-identity-pool --identity-pool-id "$identity_pool" 2>&1); then
  fail "the deleted identity pool is still described"
fi
[[ "$out" == *ResourceNotFoundException* ]] || fail "describe after delete: $out"

echo "== developer-authenticated identities: lookup, merge, unlink (aws cognito-identity)"
developer="login.cli-$RANDOM$RANDOM.app"
dev_pool=$(identity create-identity-pool --identity-pool-name "cli developers" \
  --no-allow-unauthenticated-identities --developer-provider-name "$developer" --query IdentityPoolId)
expect "$(identity describe-identity-pool --identity-pool-id "$dev_pool" --query DeveloperProviderName)" \
  "$developer" "the developer provider name"
if out=$(identity lookup-developer-identity --identity-pool-id "$dev_pool" --developer-user-identifier nobody \
  2>&1); then fail "an unknown developer user was found"; fi
[[ "$out" == *ResourceNotFoundException* ]] || fail "lookup of an unknown developer user: $out"
if out=$(identity merge-developer-identities --identity-pool-id "$dev_pool" --developer-provider-name other.app \
  --source-user-identifier a --destination-user-identifier b 2>&1); then fail "a merge under another provider"; fi
[[ "$out" == *InvalidParameterException* ]] || fail "a merge under another provider: $out"
if out=$(identity get-open-id-token-for-developer-identity --identity-pool-id "$dev_pool" \
  --logins "$developer=alice" --query IdentityId 2>&1); then
  alice_identity=$out
  bob_identity=$(identity get-open-id-token-for-developer-identity --identity-pool-id "$dev_pool" \
    --logins "$developer=bob" --query IdentityId)
  expect "$(identity lookup-developer-identity --identity-pool-id "$dev_pool" --developer-user-identifier alice \
    --query IdentityId)" "$alice_identity" "lookup-developer-identity by user"
  expect "$(identity merge-developer-identities --identity-pool-id "$dev_pool" --developer-provider-name "$developer" \
    --source-user-identifier bob --destination-user-identifier alice --query IdentityId)" "$alice_identity" \
    "merge-developer-identities"
  expect "$(identity lookup-developer-identity --identity-pool-id "$dev_pool" --identity-id "$alice_identity" \
    --query 'join(`,`, sort(DeveloperUserIdentifierList))')" "alice,bob" "the merged identity's developer users"
  if out=$(identity describe-identity --identity-id "$bob_identity" 2>&1); then fail "the merged identity is left"; fi
  [[ "$out" == *ResourceNotFoundException* ]] || fail "describe the merged identity: $out"
  identity unlink-developer-identity --identity-pool-id "$dev_pool" --identity-id "$alice_identity" \
    --developer-provider-name "$developer" --developer-user-identifier bob
  expect "$(identity lookup-developer-identity --identity-pool-id "$dev_pool" --identity-id "$alice_identity" \
    --query 'DeveloperUserIdentifierList[0]')" "alice" "the developer users after unlink-developer-identity"
elif [[ "$out" == *UnsupportedOperationException* ]]; then
  echo "(skipped: this server does not build GetOpenIdTokenForDeveloperIdentity yet)"
else
  fail "get-open-id-token-for-developer-identity: $out"
fi
identity delete-identity-pool --identity-pool-id "$dev_pool"

idp delete-user-pool --user-pool-id "$pool"
echo "SCENARIO PASSED"
