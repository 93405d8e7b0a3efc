package io.jenkins.plugins.stepfunctions.plugin.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the build page's live view gets beside the replayed history, for the person asking: whether the data is
 * final (the build no longer follows the execution, so the page may stop polling), and the pending approvals this
 * person may answer from the view, or why not. Both change without a new history event (the build ends, an
 * approval opens or closes on the follower's thread), so they are part of the page's cursor: a poll is
 * {@code unchanged} only when the events and this state are both what the page has.
 *
 * @param finalView null while the build follows the execution
 * @param answers   by the approval's TaskScheduled event id (the view's {@code approval.scheduledEventId})
 */
record LiveViewState(FinalView finalView, Map<String, AnswerOffer> answers) {
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * The build stopped following: the view shows the history up to {@code historyUntil} (epoch milliseconds,
     * null when unknown), whatever the execution does afterwards.
     */
    record FinalView(String reason, Long historyUntil) {
    }

    /**
     * A pending approval as the view offers it: what to post to the page's {@code approve}/{@code reject}, and
     * whether this person may ({@code refusal} says why not, naming who may). {@code parameters} is the approval's
     * parameters as pretty JSON for the approver to confirm or change, or null.
     */
    record AnswerOffer(String execution, String approval, boolean allowed, String refusal, String parameters) {
    }

    LiveViewState {
        answers = Map.copyOf(answers);
    }

    /** The fields the view's JSON gets: {@code final} and {@code answers}, each left out when empty. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (finalView != null) {
            fields.put("final", finalView);
        }
        if (!answers.isEmpty()) {
            // sorted, so that the same state always makes the same cursor
            fields.put("answers", new TreeMap<>(answers));
        }
        return fields;
    }

    /**
     * The page's cursor after {@code events} events: the count alone while there is nothing else to say (as sfn
     * local's console has it), else the count and a digest of this state, so that any change of it makes the next
     * poll a full answer.
     */
    String cursor(int events) {
        Map<String, Object> fields = fields();
        if (fields.isEmpty()) {
            return String.valueOf(events);
        }
        try {
            return events + "." + Integer.toHexString(JSON.writeValueAsString(fields).hashCode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings, numbers and booleans always serialise", e);
        }
    }
}
