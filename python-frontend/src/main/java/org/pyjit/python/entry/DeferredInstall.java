package org.pyjit.python.entry;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Closure;
import com.kenai.jffi.ClosureManager;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.pyjit.python.layout.CPythonLayout;
import org.pyjit.python.layout.CPythonLayout.EvalBreaker;

/**
 * Installs the entry points whenever their machine code is ready, without making the program
 * wait for it: the compiling thread queues a {@code Py_AddPendingCall}, and CPython's main thread
 * runs the installation at its next eval-breaker check (a {@code RESUME}, backward jump or call).
 *
 * <p>Counting therefore starts when the installation runs, not at the program's first
 * instruction: code that ran before is counted from its next call or backward jump on.
 *
 * <p>Finalisation: once CPython has begun deleting the interpreter, {@code Py_AddPendingCall}
 * must not be called. At arming, {@code _Py_AtExit} ({@code PyUnstable_AtExit} in 3.13)
 * registers {@code pthread_mutex_lock(gate)} as a low-level exit callback: it runs on the
 * finalising thread while the interpreter still exists (in {@code _PyAtExit_Fini}) and never
 * unlocks. The compiling thread queues the call only while holding {@code gate}, taken with
 * {@code pthread_mutex_trylock}: if finalisation got there first the request is dropped, and
 * finalisation waits for a request in progress. No Java runs during finalisation for this.
 */
public final class DeferredInstall {

    /** {@code sizeof(pthread_mutex_t)} is 40 on x86-64 and 48 on AArch64 glibc; zeroed = unlocked. */
    private static final int MUTEX_BYTES = 64;

    private static final CallContext INT_1 = context(Type.SINT32, 1);
    private static final CallContext INT_2 = context(Type.SINT32, 2);
    private static final CallContext INT_3 = context(Type.SINT32, 3);
    private static final CallContext PTR_0 = context(Type.SINT64, 0);

    private final CPythonLayout layout;
    private final Predicate<EntryCode> install;
    private final Consumer<String> warn;
    private final long gate;
    private final long trylock;
    private final long unlock;
    private final long addPendingCall;
    private final long interpreterMain;
    /** The pending call's native thunk: queued in CPython, so it must never be freed. */
    private static volatile Closure.Handle pendingCall;

    private DeferredInstall(CPythonLayout layout, Predicate<EntryCode> install, Consumer<String> warn, long gate,
                            Library python, Library libc) throws EntryException {
        this.layout = layout;
        this.install = install;
        this.warn = warn;
        this.gate = gate;
        this.trylock = symbol(libc, "pthread_mutex_trylock");
        this.unlock = symbol(libc, "pthread_mutex_unlock");
        this.addPendingCall = symbol(python, "Py_AddPendingCall");
        this.interpreterMain = symbol(python, "PyInterpreterState_Main");
    }

    /**
     * Arms the installation: {@code install} runs on CPython's main thread, holding the GIL, soon
     * after {@code code} completes, unless the program has finished by then. Must be called on
     * the main thread holding the GIL, after initialisation and before {@code Py_RunMain}.
     *
     * @param python libpython
     * @param layout its layout (where the eval breaker is)
     * @param code the callbacks being compiled on another thread
     * @param install installs the compiled callbacks (called at most once, on the main thread)
     * @param warn receives a line when the installation cannot be queued or compiling failed
     * @throws EntryException if the exit callback cannot be registered (then nothing is armed)
     */
    public static void arm(Library python, CPythonLayout layout, CompletableFuture<EntryCode> code,
                           Predicate<EntryCode> install, Consumer<String> warn) throws EntryException {
        Library libc = Library.getDefault();
        long gate = CApi.MEMORY.allocateMemory(MUTEX_BYTES, true);
        DeferredInstall deferred = new DeferredInstall(layout, install, warn, gate, python, libc);
        long atExit = python.getSymbolAddress("PyUnstable_AtExit");
        if (atExit == 0) {
            atExit = symbol(python, "_Py_AtExit");
        }
        long interp = Invoker.getInstance().invokeN0(PTR_0, symbol(python, "PyInterpreterState_Get"));
        long lock = symbol(libc, "pthread_mutex_lock");
        if ((int) Invoker.getInstance().invokeN3(INT_3, atExit, interp, lock, gate) != 0) {
            CApi.MEMORY.freeMemory(gate);
            throw new EntryException("cannot register the exit callback");
        }
        code.whenComplete((compiled, failure) -> {
            if (failure != null) {
                warn.accept("running without the JIT: compiling the entry points failed: " + failure);
            } else {
                deferred.request(compiled);
            }
        });
    }

    /** On the compiling thread: queues the installation unless CPython is finalising. */
    private void request(EntryCode code) {
        Closure.Handle handle = ClosureManager.getInstance().newClosure(buffer -> {
            int status = 0;
            try {
                // A signal handler that raised during installation: -1 with its exception set makes
                // CPython raise it in the program where the pending call interrupted it, as the
                // signal would have without us (clearing it lost Ctrl-C).
                status = install.test(code) ? -1 : 0;
            } catch (Throwable t) {
                warn.accept("running without the JIT: " + t);
            }
            buffer.setIntReturn(status);
        }, INT_1);
        pendingCall = handle;
        Invoker invoker = Invoker.getInstance();
        if ((int) invoker.invokeN1(INT_1, trylock, gate) != 0) {
            return; // finalisation holds the gate: the program is over
        }
        try {
            if ((int) invoker.invokeN2(INT_2, addPendingCall, handle.getAddress(), 0L) != 0) {
                warn.accept("running without the JIT: CPython's pending-call queue is full");
                return;
            }
            pokeEvalBreaker(invoker.invokeN0(PTR_0, interpreterMain));
        } finally {
            invoker.invokeN1(INT_1, unlock, gate);
        }
    }

    /**
     * 3.12 sets the breaker for a main-thread-only pending call only when queued from the main
     * thread, so it is set here, as CPython's signal path would; CPython recomputes it when it
     * handles the call. 3.13 sets the main thread's calls-to-do bit itself.
     */
    private void pokeEvalBreaker(long interp) {
        if (layout.interpreter().evalBreaker() instanceof EvalBreaker.InInterpreter in) {
            CApi.MEMORY.putInt(interp + in.offset(), 1);
        }
    }

    private static long symbol(Library library, String name) throws EntryException {
        long address = library.getSymbolAddress(name);
        if (address == 0) {
            throw new EntryException("no symbol " + name);
        }
        return address;
    }

    private static CallContext context(Type returns, int params) {
        Type[] types = new Type[params];
        java.util.Arrays.fill(types, Type.SINT64);
        return CallContext.getCallContext(returns, types, CallingConvention.DEFAULT, false);
    }
}
