package org.crisisline.telephony.sim;

/**
 * The FastAGI environment block Asterisk 22.10.1 sends first (agi-triage-session.txt):
 * {@code agi_network: yes} first, {@code agi_<key>: <value>} lines (an empty value keeps the space
 * after the colon), the AGI() arguments as {@code agi_arg_N}, each line ending in {@code \n}, and an
 * empty line at the end.
 *
 * <p>Stateless and thread-safe.
 */
final class AgiEnvironment {
    static final String ASTERISK_VERSION = "22.10.1";

    private AgiEnvironment() {
    }

    static String of(InboundCall call, String host, int port, long threadId) {
        SimChannel c = call.inbound();
        String script = "triage?line=" + call.line().name();
        return line("network", "yes")
                + line("network_script", script)
                + line("request", "agi://" + host + ":" + port + "/" + script)
                + line("channel", c.name())
                + line("language", "en")
                + line("type", "Local")
                + line("uniqueid", c.uniqueid())
                + line("version", ASTERISK_VERSION)
                + line("callerid", known(c.callerIdNum(), "unknown"))
                + line("calleridname", known(c.callerIdName(), "unknown"))
                + line("callingpres", "0")
                + line("callingani2", "0")
                + line("callington", "0")
                + line("callingtns", "0")
                + line("dnid", "unknown")
                + line("rdnis", "unknown")
                + line("context", c.context())
                + line("extension", c.exten())
                + line("priority", Integer.toString(c.priority()))
                + line("enhanced", "0.0")
                + line("accountcode", "")
                + line("threadid", Long.toString(threadId))
                + line("arg_1", known(c.callerIdNum(), ""))
                + line("arg_2", "en")
                + "\n";
    }

    /** A withheld caller ID is {@code <unknown>} on AMI, {@code unknown} in the AGI environment, empty via ${CALLERID(num)}. */
    private static String known(String value, String otherwise) {
        return value.equals(SimChannel.UNKNOWN) ? otherwise : value;
    }

    private static String line(String key, String value) {
        return "agi_" + key + ": " + value + "\n";
    }
}
