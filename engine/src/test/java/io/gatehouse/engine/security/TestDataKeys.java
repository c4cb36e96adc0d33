package io.gatehouse.engine.security;

/** Data keys for the tests of other packages: {@code fill} makes a key of 32 bytes of that value. */
public final class TestDataKeys {

    private TestDataKeys() {
    }

    /** A data key sealing with the key of {@code current} and opening with those of {@code previous} as well. */
    public static DataKey of(int current, int... previous) {
        byte[][] old = new byte[previous.length][];
        for (int i = 0; i < previous.length; i++) {
            old[i] = DataKeyTest.bytes(previous[i]);
        }
        return DataKeyTest.configured(DataKeyTest.bytes(current), old);
    }
}
