package org.pyjit.python.compile;

import com.kenai.jffi.Library;
import java.util.EnumMap;
import java.util.Map;
import org.pyjit.ir.FunctionBuilder;
import org.pyjit.ir.Type;
import org.pyjit.ir.Value;

/**
 * Addresses of the libpython functions and objects compiled code calls or compares with, found
 * once through jffi symbol lookup in the running libpython.
 *
 * @param numberOps the {@code PyNumber_*} function of each {@code BINARY_OP} argument
 * @param symbols every {@link CSymbol}
 */
public record NativeSymbols(Map<NumberOp, Long> numberOps, Map<CSymbol, Long> symbols) {

    /** Copies the maps and checks that they are complete. */
    public NativeSymbols {
        numberOps = Map.copyOf(numberOps);
        symbols = Map.copyOf(symbols);
        if (numberOps.size() != NumberOp.values().length || symbols.size() != CSymbol.values().length) {
            throw new IllegalArgumentException("incomplete symbol table");
        }
    }

    /**
     * Looks every symbol up.
     *
     * @param python libpython
     * @return the addresses
     * @throws CompileRefusedException naming the first missing symbol (nothing can be compiled)
     */
    public static NativeSymbols lookUp(Library python) throws CompileRefusedException {
        Map<NumberOp, Long> ops = new EnumMap<>(NumberOp.class);
        for (NumberOp op : NumberOp.values()) {
            ops.put(op, symbol(python, op.symbol()));
        }
        Map<CSymbol, Long> all = new EnumMap<>(CSymbol.class);
        for (CSymbol s : CSymbol.values()) {
            all.put(s, symbol(python, s.symbol()));
        }
        return new NativeSymbols(ops, all);
    }

    /** The address of a symbol. */
    long address(CSymbol symbol) {
        return symbols.get(symbol);
    }

    /** The address of a symbol as a constant of the function being built (the native helpers' use). */
    Value constant(FunctionBuilder b, CSymbol symbol) {
        return b.iconst(Type.I64, address(symbol));
    }

    private static long symbol(Library python, String name) throws CompileRefusedException {
        long address = python.getSymbolAddress(name);
        if (address == 0) {
            throw new CompileRefusedException("libpython has no symbol " + name);
        }
        return address;
    }
}
