package org.pyjit.ir.tool;

import java.util.List;
import org.pyjit.ir.IrModule;

/**
 * {@code jitc test FILE.jir...}: runs every {@code ; run:} line with the interpreter, prints
 * each failure as {@code FILE:LINE: call: mismatch} and a summary; exit 1 if any failed.
 */
public final class TestCommand implements JitcCommand {
    /** Creates the command. */
    public TestCommand() {
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String synopsis() {
        return "FILE.jir...";
    }

    @Override
    public String summary() {
        return "run the '; run:' lines with the interpreter and report pass/fail";
    }

    @Override
    public int run(List<String> args, JitcContext ctx) {
        if (args.isEmpty()) {
            throw new JitcException("test needs at least one file", JitcException.USAGE);
        }
        int passed = 0;
        int failed = 0;
        Executor interpreter = Executor.interpreter();
        for (String file : args) {
            String text = ctx.read(file);
            IrModule module = ctx.loadVerified(file);
            List<RunLine> runs;
            try {
                runs = RunLine.parseAll(text);
            } catch (RunLineException e) {
                throw new JitcException(file + ":" + e.getMessage().replaceFirst("^line ", ""), JitcException.INPUT);
            }
            for (RunLine r : runs) {
                RunResult result;
                try {
                    result = r.run(module, interpreter);
                } catch (RunLineException e) {
                    throw new JitcException(file + ":" + e.getMessage().replaceFirst("^line ", ""), JitcException.INPUT);
                }
                if (result.passed()) {
                    passed++;
                } else {
                    failed++;
                    ctx.out().println(file + ":" + r.line() + ": FAIL " + r.text() + ": " + result.mismatch());
                }
            }
        }
        ctx.out().println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
