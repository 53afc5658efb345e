package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Send-only and receive-only channels are types: misuse fails to compile, as in Go. */
@DisplayName("Directional channel types")
class DirectionTypesTest {
    private static List<Diagnostic<? extends JavaFileObject>> compile(String body) throws Exception {
        String source = "import dev.go4j.*; import static dev.go4j.Go.*;\n"
                + "class Snippet { void f() { " + body + " } }";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignore) {
                return source;
            }
        };
        Path out = Files.createTempDirectory("snippet");
        String classpath = System.getProperty("java.class.path");
        boolean ok = javac.getTask(new StringWriter(), null, diagnostics,
                List.of("-classpath", classpath, "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
        for (File f : out.toFile().listFiles()) f.delete();
        out.toFile().delete();
        return ok ? List.of() : diagnostics.getDiagnostics();
    }

    @Test
    @DisplayName("a Chan is both a SendChan and a RecvChan")
    void bidirectionalConverts() throws Exception {
        assertEquals(List.of(), compile("Chan<Integer> c = chan(); SendChan<Integer> s = c; RecvChan<Integer> r = c;"));
    }

    @Test
    @DisplayName("receiving from a SendChan does not compile")
    void cannotReceiveFromSendOnly() throws Exception {
        assertFalse(compile("SendChan<Integer> s = chan(); s.recv();").isEmpty());
    }

    @Test
    @DisplayName("sending to or closing a RecvChan does not compile")
    void cannotSendToRecvOnly() throws Exception {
        assertFalse(compile("RecvChan<Integer> r = chan(); r.send(1);").isEmpty());
        assertFalse(compile("RecvChan<Integer> r = chan(); close(r);").isEmpty());
    }

    @Test
    @DisplayName("a select receive case takes a RecvChan, a send case a SendChan")
    void selectCasesRespectDirection() throws Exception {
        assertEquals(List.of(), compile("RecvChan<Integer> r = chan(); SendChan<Integer> s = chan(); select(recv(r), send(s, 1), defaultCase());"));
        assertFalse(compile("SendChan<Integer> s = chan(); select(recv(s));").isEmpty());
    }
}
