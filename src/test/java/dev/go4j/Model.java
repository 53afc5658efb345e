package dev.go4j;

import java.util.List;

/**
 * A sequential specification that may allow several outcomes for one call, as Go's select does when several
 * cases are ready. States must be immutable values (records), so that a checker can remember the ones it saw.
 *
 * @param <S> the type of the object's abstract state
 */
interface Model<S> {
    /** The state of a freshly made object. */
    S initial();

    /**
     * The states the object can be in after {@code call} returned {@code call.result()} in state {@code s}:
     * empty if the call cannot have returned that in that state.
     */
    List<S> after(S s, History.Call call);
}
