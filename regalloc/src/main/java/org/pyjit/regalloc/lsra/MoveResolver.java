package org.pyjit.regalloc.lsra;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.pyjit.regalloc.Allocation;
import org.pyjit.regalloc.MachineEnv;
import org.pyjit.regalloc.Move;
import org.pyjit.regalloc.RegClass;

/**
 * Step 7: turns a parallel move (all sources read, then all destinations written; destinations
 * distinct) into a sequence. Moves whose destination no pending move still reads go first; a
 * remaining cycle is broken by saving one destination's old value in the class's scratch
 * register, or, when a slot-to-slot move of that class is still pending (it needs the scratch
 * register itself), in an extra spill slot. Slot-to-slot moves go through the scratch register.
 */
final class MoveResolver {
    private final MachineEnv env;
    private final IntSupplier extraSlot;
    private int cycleSlot = -1;

    MoveResolver(MachineEnv env, IntSupplier extraSlot) {
        this.env = env;
        this.extraSlot = extraSlot;
    }

    List<Move> sequence(List<Move> parallel) {
        if (parallel.size() == 1) {
            List<Move> out = new ArrayList<>(2);
            if (!parallel.get(0).from().equals(parallel.get(0).to())) emit(out, parallel.get(0));
            return out;
        }
        List<Move> pending = new ArrayList<>(parallel.size());
        for (Move m : parallel) if (!m.from().equals(m.to())) pending.add(m);
        List<Move> out = new ArrayList<>(pending.size() + 2);
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (int k = 0; k < pending.size(); k++) {
                Move m = pending.get(k);
                if (!isRead(pending, m.to(), k)) {
                    emit(out, m);
                    pending.remove(k);
                    k--;
                    progress = true;
                }
            }
            if (progress) continue;
            // Every destination is still read: pure cycles. Save the first destination.
            Allocation d = pending.get(0).to();
            int reader = -1;
            for (int k = 0; k < pending.size(); k++) if (pending.get(k).from().equals(d)) reader = k;
            RegClass cls = pending.get(reader).cls();
            boolean scratchBusy = false;
            for (Move m : pending) if (m.cls() == cls && !m.from().isReg() && !m.to().isReg()) scratchBusy = true;
            Allocation temp;
            if (!scratchBusy) {
                temp = new Allocation.Reg(env.scratch(cls));
            } else {
                if (cycleSlot < 0) cycleSlot = extraSlot.getAsInt();
                temp = new Allocation.Slot(cycleSlot);
            }
            emit(out, new Move(d, temp, cls));
            Move r = pending.get(reader);
            pending.set(reader, new Move(temp, r.to(), r.cls()));
        }
        return out;
    }

    private static boolean isRead(List<Move> pending, Allocation loc, int except) {
        for (int k = 0; k < pending.size(); k++) if (k != except && pending.get(k).from().equals(loc)) return true;
        return false;
    }

    private void emit(List<Move> out, Move m) {
        if (!m.from().isReg() && !m.to().isReg()) {
            Allocation s = new Allocation.Reg(env.scratch(m.cls()));
            out.add(new Move(m.from(), s, m.cls()));
            out.add(new Move(s, m.to(), m.cls()));
        } else {
            out.add(m);
        }
    }
}
