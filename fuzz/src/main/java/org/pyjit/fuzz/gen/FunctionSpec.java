package org.pyjit.fuzz.gen;

import java.util.List;
import org.pyjit.ir.Type;

/**
 * A generated function before it is built: parameter types after the buffer base, the return
 * type, stack slots, pressure values and the body.
 *
 * @param params    parameter types after the implicit first parameter {@code base: i64}
 * @param returns   the return type
 * @param slots     number of 32-byte stack slots (zeroed at entry)
 * @param pressure  values loaded at entry and folded into the result at the end
 * @param body      the statements
 * @param result    selector of the returned value
 */
public record FunctionSpec(List<Type> params, Type returns, int slots, int pressure, List<Stmt> body, int result) {
    /** Copies the lists. */
    public FunctionSpec {
        params = List.copyOf(params);
        body = List.copyOf(body);
    }
}
