package dev.aigateway.adapters.redis;

import dev.aigateway.domain.access.LimitCounter;
import dev.aigateway.domain.access.WindowType;
import dev.aigateway.ports.Reservation;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.WindowReading;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Token windows in Redis: each reservation and each adjustment is one Lua script, so one round trip, and atomic
 * against every other instance's. The window arithmetic is {@link WindowType#used}'s, written once more in Lua;
 * the contract test that the in-memory windows pass holds them to the same numbers.
 */
final class RedisTokenWindows implements TokenWindows {
    private static final String KEY_PREFIX = "aigw:tokens:";

    /**
     * KEYS: per counter, its current period and the one before. ARGV: the amount, then per counter its limit, how
     * far into the period now is, the period's length (ms), and 1 for a sliding window. Returns 1 or 0 (admitted or
     * not), then each window's use, this reservation's included when admitted.
     */
    static final String RESERVE = """
            local amount = tonumber(ARGV[1])
            local n = #KEYS / 2
            local used = {}
            local fits = true
            for i = 1, n do
              local at = 2 + (i - 1) * 4
              local count = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
              if ARGV[at + 3] == '1' then
                local size = tonumber(ARGV[at + 2])
                local previous = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
                count = count + math.floor(previous * (size - tonumber(ARGV[at + 1])) / size)
              end
              used[i] = count
              if count + amount > tonumber(ARGV[at]) then fits = false end
            end
            if fits then
              for i = 1, n do
                redis.call('INCRBY', KEYS[2 * i - 1], amount)
                redis.call('PEXPIRE', KEYS[2 * i - 1], 2 * tonumber(ARGV[2 + (i - 1) * 4 + 2]))
                used[i] = used[i] + amount
              end
            end
            table.insert(used, 1, fits and 1 or 0)
            return used
            """;

    /** KEYS: the periods a reservation counted in. ARGV: the delta. A count never goes below zero. */
    static final String ADJUST = """
            for i = 1, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                if redis.call('INCRBY', KEYS[i], ARGV[1]) < 0 then redis.call('SET', KEYS[i], 0, 'KEEPTTL') end
              end
            end
            return {0}
            """;

    /** The reservation script's SHA-1 digest, by which it runs once Redis has seen it. */
    static final String RESERVE_SHA = digest(RESERVE);

    private final RedisLink link;
    private final LongSupplier millisClock;

    RedisTokenWindows(RedisLink link, LongSupplier millisClock) {
        this.link = link;
        this.millisClock = millisClock;
    }

    @Override
    public Reservation reserve(List<LimitCounter> counters, long amount) {
        long now = millisClock.getAsLong();
        String[] keys = new String[counters.size() * 2];
        String[] args = new String[1 + counters.size() * 4];
        args[0] = Long.toString(amount);
        long[] periods = new long[counters.size()];
        long[] resetsMillis = new long[counters.size()];
        for (int i = 0; i < counters.size(); i++) {
            LimitCounter counter = counters.get(i);
            long size = counter.window().windowSeconds() * 1000;
            periods[i] = now / size;
            resetsMillis[i] = size - now % size;
            keys[2 * i] = key(counter, periods[i]);
            keys[2 * i + 1] = key(counter, periods[i] - 1);
            args[1 + 4 * i] = Long.toString(counter.window().limit());
            args[2 + 4 * i] = Long.toString(now % size);
            args[3 + 4 * i] = Long.toString(size);
            args[4 + 4 * i] = counter.type() == WindowType.SLIDING ? "1" : "0";
        }
        List<Object> answer = link.call(redis -> reserve(redis, keys, args));
        List<WindowReading> readings = new ArrayList<>(counters.size());
        for (int i = 0; i < counters.size(); i++) {
            readings.add(new WindowReading(counters.get(i), periods[i], (Long) answer.get(i + 1), resetsMillis[i]));
        }
        return new Reservation((Long) answer.get(0) == 1, readings);
    }

    /**
     * Sent without waiting: the client has its answer already, and the reservations this instance sends next go
     * down the same connection after it, so they see it. By its text, not its digest: a digest Redis has forgotten
     * (a restart, a {@code SCRIPT FLUSH}) would send the text again only after that answer, behind reservations sent
     * meanwhile. Redis runs either form in the same time (1.3 us for this script); the text costs 250 bytes more.
     */
    @Override
    public CompletionStage<Void> adjust(Reservation reservation, long delta) {
        String[] keys = reservation.readings().stream().map(reading -> key(reading.counter(), reading.period()))
                .toArray(String[]::new);
        String[] args = {Long.toString(delta)};
        return link.<Object>send(redis -> redis.eval(ADJUST, ScriptOutputType.MULTI, keys, args))
                .thenAccept(done -> { });
    }

    /** Connects and hands Redis the reservation script, so that the first request runs it by digest. */
    @Override
    public void warmUp() {
        try {
            link.connectAtStart();
            link.call(redis -> redis.scriptLoad(RESERVE));
        } catch (UncheckedIOException unavailable) {
            // logged by the link; the first request connects again
        }
    }

    /** Runs the reservation script by its digest, or by its text when Redis does not have it (a restarted Redis). */
    private static CompletionStage<List<Object>> reserve(RedisAsyncCommands<String, String> redis, String[] keys,
                                                         String[] args) {
        return redis.<List<Object>>evalsha(RESERVE_SHA, ScriptOutputType.MULTI, keys, args)
                .exceptionallyCompose(failure -> failure instanceof RedisNoScriptException
                        ? redis.eval(RESERVE, ScriptOutputType.MULTI, keys, args)
                        : CompletableFuture.failedFuture(failure));
    }

    private static String digest(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static String key(LimitCounter counter, long period) {
        return KEY_PREFIX + counter.id() + ":" + period;
    }
}
