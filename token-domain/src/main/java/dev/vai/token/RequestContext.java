package dev.vai.token;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a command came from: client address, user agent and request id. It travels as the command's metadata and
 * Axon copies it onto the events, because the audit stream is built from events later. Any part may be null.
 */
public record RequestContext(String clientIp, String userAgent, String requestId) {

    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";
    public static final String REQUEST_ID = "requestId";

    public static final RequestContext NONE = new RequestContext(null, null, null);

    public Map<String, String> toMetaData() {
        Map<String, String> metaData = new HashMap<>();
        if (clientIp != null) {
            metaData.put(CLIENT_IP, clientIp);
        }
        if (userAgent != null) {
            metaData.put(USER_AGENT, userAgent);
        }
        if (requestId != null) {
            metaData.put(REQUEST_ID, requestId);
        }
        return metaData;
    }

    public static RequestContext fromMetaData(Map<String, ?> metaData) {
        return new RequestContext(text(metaData.get(CLIENT_IP)), text(metaData.get(USER_AGENT)),
                text(metaData.get(REQUEST_ID)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
