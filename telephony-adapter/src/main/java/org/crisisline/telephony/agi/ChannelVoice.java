package org.crisisline.telephony.agi;

import java.time.Duration;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetFullVariableCommand;
import org.asteriskjava.fastagi.command.SayDigitsCommand;
import org.asteriskjava.fastagi.command.SayNumberCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * The AGI commands the IVR uses, on one channel, with Asterisk's replies read the way the real ones
 * come (fixtures README, res_agi.c): {@code 200 result=-1} is a hang-up; {@code GET DATA} answers
 * {@code 200 result=<keys>}, or {@code 200 result= (timeout)} when no key came. asterisk-java itself
 * skips the asynchronous {@code HANGUP} line, turns {@code 511} (dead channel) and end of stream into
 * {@link AgiHangupException}, {@code 510} and {@code 520} into other {@link AgiException}s. Any
 * reply that is not {@code 200} is reported as an {@link AgiException} here.
 *
 * <p>Not thread-safe: used by the call's FastAGI thread only.
 */
final class ChannelVoice {
    private static final String HUNG_UP = "-1";

    private final AgiChannel channel;

    ChannelVoice(AgiChannel channel) {
        this.channel = channel;
    }

    void answer() throws AgiException {
        if (HUNG_UP.equals(send(new AnswerCommand()).getResult())) {
            throw new AgiHangupException();
        }
    }

    /** {@code ${CALLERID(num)}}, as a number, or empty when the channel has none. */
    String callerIdNumber() throws AgiException {
        AgiReply reply = send(new GetFullVariableCommand("${CALLERID(num)}"));
        return reply.getResultCode() == 1 ? AgiEnvironment.phoneNumber(reply.getExtra()) : "";
    }

    /** Says it; false when the caller hung up. */
    boolean speak(Speech speech) throws AgiException {
        AgiCommand command;
        if (speech instanceof Speech.Sound sound) {
            command = new StreamFileCommand(sound.file(), "");
        } else if (speech instanceof Speech.Digits digits) {
            command = new SayDigitsCommand(digits.digits(), "");
        } else {
            command = new SayNumberCommand(Long.toString(((Speech.Number) speech).value()), "");
        }
        return !HUNG_UP.equals(send(command).getResult());
    }

    /** Plays the prompt and reads keys: {@link IvrInput.Keys} (empty on a timeout) or {@link IvrInput.HungUp}. */
    IvrInput ask(String prompt, Duration timeout, int maxDigits) throws AgiException {
        String result = send(new GetDataCommand(prompt, timeout.toMillis(), maxDigits)).getResult();
        if (HUNG_UP.equals(result)) {
            return new IvrInput.HungUp();
        }
        if (!result.matches("[0-9*#]*")) {
            throw new AgiException("GET DATA gave no keys: '" + shorten(result) + "'");
        }
        return new IvrInput.Keys(result.replace("#", ""));
    }

    void setVariable(String name, String value) throws AgiException {
        send(new SetVariableCommand(name, value));
    }

    private AgiReply send(AgiCommand command) throws AgiException {
        AgiReply reply = channel.sendCommand(command);
        if (reply.getStatus() != 200) {
            throw new AgiException("Asterisk answered " + command.getClass().getSimpleName() + " with '"
                    + shorten(reply.getFirstLine()) + "'");
        }
        return reply;
    }

    private static String shorten(String line) {
        if (line == null) {
            return "";
        }
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
