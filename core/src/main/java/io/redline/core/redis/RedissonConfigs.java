package io.redline.core.redis;

import io.redline.core.redis.tls.RedisTls;
import io.redline.core.redis.tls.TlsMaterial;
import io.redline.core.redis.tls.TlsVerification;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.SslVerificationMode;

/** Builds the Redisson {@link Config} for {@link RedisSettings}. */
public final class RedissonConfigs {

    private RedissonConfigs() {
    }

    /**
     * @param clientName shown by {@code CLIENT LIST}, so that an operator can tell which process holds a connection
     */
    public static Config create(RedisSettings settings, String clientName) {
        Config config = new Config();
        // Shared data must be readable by other languages: no Kryo (Redisson's default) by accident.
        config.setCodec(StringCodec.INSTANCE);
        RedisUrl url = settings.url();
        config.setUsername(url.username());
        config.setPassword(url.password());
        if (url.endpoints().stream().anyMatch(RedisEndpoint::tls)) {
            tls(config, settings.tls());
        }
        switch (settings.mode()) {
            case CLUSTER:
                ClusterServersConfig cluster = config.useClusterServers()
                        .setReadMode(ReadMode.MASTER)
                        .setMasterConnectionMinimumIdleSize(2)
                        .setSlaveConnectionMinimumIdleSize(1)
                        .setSubscriptionConnectionMinimumIdleSize(1)
                        .setClientName(clientName);
                url.endpoints().forEach(endpoint -> cluster.addNodeAddress(endpoint.address()));
                break;
            case SENTINEL:
                SentinelServersConfig sentinel = config.useSentinelServers()
                        .setMasterName(settings.sentinelMaster())
                        .setDatabase(url.database())
                        .setReadMode(ReadMode.MASTER)
                        .setCheckSentinelsList(false)
                        .setMasterConnectionMinimumIdleSize(2)
                        .setSlaveConnectionMinimumIdleSize(1)
                        .setSubscriptionConnectionMinimumIdleSize(1)
                        .setClientName(clientName);
                url.endpoints().forEach(endpoint -> sentinel.addSentinelAddress(endpoint.address()));
                break;
            default:
                SingleServerConfig single = config.useSingleServer()
                        .setAddress(url.endpoints().get(0).address())
                        .setDatabase(url.database())
                        .setConnectionMinimumIdleSize(2)
                        .setSubscriptionConnectionMinimumIdleSize(1);
                single.setClientName(clientName);
                break;
        }
        return config;
    }

    private static void tls(Config config, RedisTls tls) {
        config.setSslTrustManagerFactory(TlsMaterial.trust(tls.ca()));
        config.setSslVerificationMode(tls.verification() == TlsVerification.FULL ? SslVerificationMode.STRICT
                : SslVerificationMode.CA_ONLY);
        if (tls.certificate() != null) {
            config.setSslKeyManagerFactory(TlsMaterial.identity(tls.certificate(), tls.key()));
        }
    }
}
