package io.gatehouse.engine.devices;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.srp.SrpGroup;
import io.gatehouse.engine.userpool.Identifiers;
import io.gatehouse.engine.userpool.Page;
import io.gatehouse.engine.userpool.PageToken;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Users' devices. A pool with a DeviceConfiguration tracks them: each sign-in from a device it does not know gets
 * a new device key (NewDeviceMetadata), which the client confirms with the SRP verifier of a random password it
 * keeps; a remembered device later proves itself with that password (DEVICE_SRP_AUTH). Keys never confirmed are
 * forgotten after a day.
 */
@ApplicationScoped
@Transactional
public class Devices {

    static final Duration UNCONFIRMED_FOR = Duration.ofDays(1);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterJobs clusterJobs;

    /** A key handed out with a sign-in, and its group key. */
    public record NewDevice(String deviceKey, String deviceGroupKey) {
    }

    /** Whether the pool remembers devices (its DeviceConfiguration is set). */
    public static boolean tracked(UserPool pool) {
        return pool.settings().path("DeviceConfiguration").isObject();
    }

    /** A new, unconfirmed device of the user, for the AuthenticationResult's NewDeviceMetadata. */
    public NewDevice issue(UserPool pool, String sub) {
        purgeUnconfirmed();
        String region = pool.id().substring(0, pool.id().indexOf('_'));
        DeviceEntity device = new DeviceEntity(Identifiers.deviceKey(region), pool.id(), sub,
                Identifiers.deviceGroupKey(), clock.millis());
        em.persist(device);
        Device view = device.view();
        return new NewDevice(view.deviceKey(), view.deviceGroupKey());
    }

    private void purgeUnconfirmed() {
        long now = clock.millis();
        if (clusterJobs.due(ClusterJob.UNCONFIRMED_DEVICE_PURGE, now)) {
            em.createQuery("delete from DeviceEntity d where d.verifier is null and d.createdAt < :cutoff")
                    .setParameter("cutoff", now - UNCONFIRMED_FOR.toMillis()).executeUpdate();
        }
    }

    /** The user's device with this key, confirmed or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Device> find(String userPoolId, String sub, String deviceKey) {
        return Optional.ofNullable(em.find(DeviceEntity.class, deviceKey)).map(DeviceEntity::view)
                .filter(d -> d.userPoolId().equals(userPoolId) && d.sub().equals(sub));
    }

    /**
     * ConfirmDevice: stores the device's SRP salt and verifier (base64 of their bytes, as the clients send them).
     *
     * @return whether the user must still be asked to remember it (UserConfirmationNecessary)
     */
    public boolean confirm(UserPool pool, String sub, String deviceKey, String name, String saltBase64,
                           String verifierBase64) {
        DeviceEntity device = entity(pool.id(), sub, deviceKey);
        if (device.view().confirmed()) {
            throw ServiceException.invalidParameter("The device has already been confirmed.");
        }
        BigInteger salt = number(saltBase64, "Salt");
        BigInteger verifier = number(verifierBase64, "PasswordVerifier");
        if (salt.signum() == 0 || verifier.signum() == 0 || verifier.compareTo(SrpGroup.N) >= 0) {
            throw ServiceException.invalidParameter("DeviceSecretVerifierConfig is not an SRP salt and verifier.");
        }
        boolean askUser = pool.settings().path("DeviceConfiguration").path("DeviceOnlyRememberedOnUserPrompt")
                .asBoolean(false);
        device.confirm(name, salt.toString(16), verifier.toString(16), askUser ? null : Device.REMEMBERED,
                clock.millis());
        return askUser;
    }

    /** UpdateDeviceStatus: remembered or not_remembered. */
    public void updateStatus(String userPoolId, String sub, String deviceKey, String status) {
        DeviceEntity device = entity(userPoolId, sub, deviceKey);
        device.remember(status == null ? Device.NOT_REMEMBERED : status, clock.millis());
    }

    /** GetDevice: a confirmed device of the user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Device get(String userPoolId, String sub, String deviceKey) {
        return find(userPoolId, sub, deviceKey).filter(Device::confirmed).orElseThrow(Devices::notFound);
    }

    /** ListDevices: a page of the user's confirmed devices, by key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Device> list(String userPoolId, String sub, int limit, Optional<String> token) {
        String kind = "devices:" + userPoolId + ":" + sub;
        Optional<String> after = PageToken.decode(kind, token);
        List<Device> rows = em.createQuery("select d from DeviceEntity d where d.userPoolId = :pool and d.sub = :sub"
                        + " and d.verifier is not null and d.deviceKey > :after order by d.deviceKey", DeviceEntity.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).setParameter("after", after.orElse(""))
                .setMaxResults(limit + 1).getResultList().stream().map(DeviceEntity::view).toList();
        return Page.cut(rows, limit, kind, Device::deviceKey);
    }

    /** ForgetDevice: the device must sign in as a new one next time. */
    public void forget(String userPoolId, String sub, String deviceKey) {
        em.remove(entity(userPoolId, sub, deviceKey));
    }

    /** Records a device's sign-in (it proved itself with DEVICE_SRP_AUTH). */
    public void authenticated(String deviceKey) {
        DeviceEntity device = em.find(DeviceEntity.class, deviceKey);
        if (device != null) {
            device.authenticated(clock.millis());
        }
    }

    /** Forgets a deleted user's devices. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetUser(String userPoolId, String sub) {
        em.createQuery("delete from DeviceEntity d where d.userPoolId = :pool and d.sub = :sub")
                .setParameter("pool", userPoolId).setParameter("sub", sub).executeUpdate();
    }

    private DeviceEntity entity(String userPoolId, String sub, String deviceKey) {
        DeviceEntity device = em.find(DeviceEntity.class, deviceKey, LockModeType.PESSIMISTIC_WRITE);
        if (device == null || !device.view().userPoolId().equals(userPoolId) || !device.sub().equals(sub)) {
            throw notFound();
        }
        return device;
    }

    private static BigInteger number(String base64, String name) {
        if (base64 == null || base64.isEmpty()) {
            throw ServiceException.invalidParameter("DeviceSecretVerifierConfig." + name + " is required.");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length > 400) {
                throw ServiceException.invalidParameter("DeviceSecretVerifierConfig." + name + " is too long.");
            }
            return new BigInteger(1, bytes);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidParameter("DeviceSecretVerifierConfig." + name + " is not base64.");
        }
    }

    private static ServiceException notFound() {
        return ServiceException.resourceNotFound("Device does not exist.");
    }
}
