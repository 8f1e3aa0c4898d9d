package io.redline.chat.identity;

import io.redline.chat.presence.Member;
import io.redline.chat.protocol.ChatRules;
import io.redline.chat.protocol.ProtocolException;
import io.redline.core.cli.OptionValues;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.process.ProcessMain;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code token --user ID --name NAME [--ttl 1h]}: a connection token signed with {@code CHAT_TOKEN_SECRET}. */
@Command(name = "token", description = "Print a connection token for a user, signed with CHAT_TOKEN_SECRET: what"
        + " a login service of yours would issue (see docs/chat-node.md).")
public final class TokenCommand implements Callable<Integer>, ReadsEnvironment {

    @Spec
    CommandSpec spec;

    @Option(names = "--user", required = true, description = "the user id (1 to 64 of A-Z a-z 0-9 _ -)")
    String user;

    @Option(names = "--name", required = true, description = "the display name")
    String name;

    @Option(names = "--ttl", defaultValue = "1h", converter = Ttl.class,
            description = "how long the token is valid, at least 1s (default: ${DEFAULT-VALUE})")
    Duration ttl;

    Clock clock = Clock.systemUTC();

    @Override
    public void readEnvironment(ConfigReader reader) {
        reader.secret("CHAT_TOKEN_SECRET");
    }

    @Override
    public Integer call() {
        Member member;
        try {
            member = new Member(ChatRules.userId(user), ChatRules.userName(name));
        } catch (ProtocolException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ConfigReader reader = new ConfigReader(Env.system());
        String secret = reader.secret("CHAT_TOKEN_SECRET").orElse(null);
        if (secret == null || secret.length() < IdentitySettings.MIN_SECRET_LENGTH) {
            reader.reject("CHAT_TOKEN_SECRET", secret == null ? null : "***", "required: at least "
                    + IdentitySettings.MIN_SECRET_LENGTH + " characters, the secret the chat nodes share");
        }
        try {
            reader.throwIfInvalid();
        } catch (ConfigException e) {
            ProcessMain.reportConfigErrors(spec.qualifiedName(" "), e);
            return ProcessMain.EXIT_CONFIG;
        }
        System.out.println(new ChatTokens(secret, clock).issue(member, ttl));
        return 0;
    }

    /** At least a second. */
    public static final class Ttl implements ITypeConverter<Duration> {

        @Override
        public Duration convert(String text) {
            return OptionValues.durationAtLeast(text, Duration.ofSeconds(1));
        }
    }
}
