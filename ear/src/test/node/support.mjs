// What the MFA scripts share: the prompt through which the test hands them codes it read from e-mail or the SMS log,
// and authenticator codes from otplib, a TOTP implementation independent of the server's (RFC 6238, SHA-1, 6 digits,
// 30 s, base32 secrets as AssociateSoftwareToken shares them).
import readline from 'node:readline';
import otplib from 'otplib';

const { authenticator } = otplib;

/** Prints {"prompt": what, ...details} and resolves to the line the test answers on standard input. */
export async function prompt(what, details = {}) {
  const lines = readline.createInterface({ input: process.stdin });
  try {
    const answer = new Promise((resolve) => lines.once('line', resolve));
    console.log(JSON.stringify({ prompt: what, ...details }));
    return (await answer).trim();
  } finally {
    lines.close();
  }
}

/** The authenticator code for `secret`, `steps` 30-second steps from now. */
export function totp(secret, steps = 0) {
  return authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(secret);
}

/** A six-digit code that is not `code`. */
export function wrong(code) {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
