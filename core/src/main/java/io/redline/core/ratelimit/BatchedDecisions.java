package io.redline.core.ratelimit;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.HashTag;
import io.redline.core.redis.pipeline.Coalescing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;

/**
 * The decisions of many callers that leave in one pipeline, asked in one script call per hash slot (on a single
 * server or Sentinel, one call for all): Redis runs the script's fixed work (its call, {@code TIME}, the trimming
 * of a window) once instead of once per request. Each caller gets its own slice of the reply, laid out as a call
 * of one decision would be: {@code [now, allowed, count, frees, ...]}.
 */
final class BatchedDecisions implements Coalescing<BatchedDecisions.Question, List<Object>> {

    /** One caller's decision: its keys (one per limit), weight and unique request id. */
    record Question(List<Object> keys, String weight, String id) {
    }

    private final String sha;
    private final String limitSpec;
    private final int limits;
    private final boolean bySlot;

    BatchedDecisions(String sha, String limitSpec, int limits, boolean bySlot) {
        this.sha = sha;
        this.limitSpec = limitSpec;
        this.limits = limits;
        this.bySlot = bySlot;
    }

    @Override
    public List<CompletionStage<List<Object>>> addTo(RBatch batch, List<Question> questions) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            int slot = bySlot ? HashTag.slot((String) questions.get(i).keys().get(0)) : 0;
            groups.computeIfAbsent(slot, any -> new ArrayList<>()).add(i);
        }
        List<CompletionStage<List<Object>>> answers = new ArrayList<>(questions.size());
        questions.forEach(question -> answers.add(null));
        for (List<Integer> group : groups.values()) {
            List<Question> asked = new ArrayList<>(group.size());
            group.forEach(index -> asked.add(questions.get(index)));
            List<CompletionStage<List<Object>>> replies = ask(batch.getScript(RedisCodecs.STRING), asked);
            for (int k = 0; k < group.size(); k++) {
                answers.set(group.get(k), replies.get(k));
            }
        }
        return answers;
    }

    /** On a single server or Sentinel, every decision goes in one script call: no batch is needed around it. */
    @Override
    public List<CompletionStage<List<Object>>> sendAlone(RedissonClient redis, List<Question> questions) {
        return bySlot ? null : ask(redis.getScript(RedisCodecs.STRING), questions);
    }

    /** One script call for {@code questions} (their keys share a slot): one answer each, in order. */
    private List<CompletionStage<List<Object>>> ask(RScriptAsync script, List<Question> questions) {
        List<Object> keys = new ArrayList<>(questions.size() * limits);
        List<Object> args = new ArrayList<>(1 + 2 * questions.size());
        args.add(limitSpec);
        for (Question question : questions) {
            keys.addAll(question.keys());
            args.add(question.weight());
            args.add(question.id());
        }
        RFuture<List<Object>> reply = script.evalShaAsync((String) keys.get(0), RScript.Mode.READ_WRITE, sha,
                RScript.ReturnType.LIST, keys, args.toArray());
        List<CompletionStage<List<Object>>> answers = new ArrayList<>(questions.size());
        for (int k = 0; k < questions.size(); k++) {
            int position = k;
            answers.add(reply.thenApply(all -> slice(all, position)));
        }
        return answers;
    }

    /** {@code [now]} and the decision's own part of the reply. */
    private List<Object> slice(List<Object> reply, int position) {
        int size = 1 + 2 * limits;
        List<Object> one = new ArrayList<>(1 + size);
        one.add(reply.get(0));
        one.addAll(reply.subList(1 + position * size, 1 + (position + 1) * size));
        return one;
    }
}
