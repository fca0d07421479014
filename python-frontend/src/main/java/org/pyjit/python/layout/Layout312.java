package org.pyjit.python.layout;

import org.pyjit.python.layout.CPythonLayout.CodeLayout;
import org.pyjit.python.layout.CPythonLayout.CurrentFrameAccess;
import org.pyjit.python.layout.CPythonLayout.DictLayout;
import org.pyjit.python.layout.CPythonLayout.EmbeddingLayout;
import org.pyjit.python.layout.CPythonLayout.EvalBreaker;
import org.pyjit.python.layout.CPythonLayout.FloatLayout;
import org.pyjit.python.layout.CPythonLayout.FrameLayout;
import org.pyjit.python.layout.CPythonLayout.FunctionLayout;
import org.pyjit.python.layout.CPythonLayout.InstanceLayout;
import org.pyjit.python.layout.CPythonLayout.InstructionPointerKind;
import org.pyjit.python.layout.CPythonLayout.InterpreterLayout;
import org.pyjit.python.layout.CPythonLayout.LongLayout;
import org.pyjit.python.layout.CPythonLayout.MonitoringLayout;
import org.pyjit.python.layout.CPythonLayout.ObjectLayout;
import org.pyjit.python.layout.CPythonLayout.RuntimeLayout;
import org.pyjit.python.layout.CPythonLayout.SequenceLayout;
import org.pyjit.python.layout.CPythonLayout.ThreadStateLayout;
import org.pyjit.python.layout.CPythonLayout.TypeLayout;
import org.pyjit.python.layout.CPythonLayout.CallableLayout;
import org.pyjit.python.layout.CPythonLayout.IteratorLayout;

/** The CPython 3.12 table (values from CPYTHON-FACTS §1, re-checked by a C probe in the tests). */
final class Layout312 {

    private Layout312() {
    }

    static final CPythonLayout LAYOUT = new CPythonLayout(
            CPythonVersion.V3_12,
            new ObjectLayout(0, 8, 16, 16),
            new LongLayout(16, 24, 30),
            new FloatLayout(16, 24),
            new SequenceLayout(24, 24, 32),
            new DictLayout(16, 24, 32, 40, 12, 9, 32, 16, 8, 0, 24, 10),
            new TypeLayout(168, 384, 288, 880, 400, 144, 152),
            new FunctionLayout(16, 24, 32, 48, 56, 72, 128, 136, 144),
            new CodeLayout(24, 32, 48, 52, 64, 72, 76, 80, 84, 88, 92, 96, 104, 152, 160, 168, 176, 184, 192, 200, 60),
            new FrameLayout(0, 8, 16, 24, 32, 40, 48, 56, InstructionPointerKind.PREVIOUS_INSTRUCTION,
                    64, 68, 70, 72, 80, 24, 67, 72),
            new ThreadStateLayout(16, 28, 36, 44, new CurrentFrameAccess.ViaCFrame(56, 0), 96, 104, 0, 240, 248, 288),
            new InterpreterLayout(48, new EvalBreaker.InInterpreter(368), 1744, 1752, 1824, 270728),
            new RuntimeLayout(1512, 464, 16, 65),
            new EmbeddingLayout(0, 8, 16, 24, 32, 432),
            Opcodes312.TABLE,
            new MonitoringLayout(48, 381744, 0, 15, 15, 381784, 17),
            new InstanceLayout(-24, 16),
            new CallableLayout(16, 24, 16, 40, 8, 16),
            new IteratorLayout(16, 24, 16, 24, 16, 24, 32));
}
