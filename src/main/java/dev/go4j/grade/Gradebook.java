package dev.go4j.grade;

import dev.go4j.notebook.CheckRecords.TestRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class's grades in an SQLite database: one row per graded submission (with the hashes that tell whether it
 * must be graded again), its exercises, their tests and its flags. Re-grading a submission replaces its rows in one
 * transaction, so the book never holds half a result.
 */
public final class Gradebook implements AutoCloseable {
    /** A graded submission, as stored. */
    public record Entry(String student, String notebook, NotebookGrade grade, String gradedAt, double seconds) {}

    private final Connection db;

    private Gradebook(Connection db) {
        this.db = db;
    }

    /** Opens (creating if needed) the gradebook at {@code file}. */
    public static Gradebook open(Path file) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS submissions (
                      student TEXT NOT NULL, notebook TEXT NOT NULL,
                      submission_sha256 TEXT NOT NULL, source_sha256 TEXT NOT NULL,
                      graded_at TEXT NOT NULL, seconds REAL NOT NULL,
                      PRIMARY KEY (student, notebook))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS exercises (
                      student TEXT NOT NULL, notebook TEXT NOT NULL, position INTEGER NOT NULL, exercise TEXT NOT NULL,
                      score REAL NOT NULL, max_score REAL NOT NULL, reason TEXT NOT NULL,
                      PRIMARY KEY (student, notebook, exercise),
                      FOREIGN KEY (student, notebook) REFERENCES submissions ON DELETE CASCADE)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS tests (
                      student TEXT NOT NULL, notebook TEXT NOT NULL, exercise TEXT NOT NULL, position INTEGER NOT NULL,
                      name TEXT NOT NULL, hidden INTEGER NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, hint TEXT NOT NULL,
                      FOREIGN KEY (student, notebook) REFERENCES submissions ON DELETE CASCADE)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS flags (
                      student TEXT NOT NULL, notebook TEXT NOT NULL, position INTEGER NOT NULL, message TEXT NOT NULL,
                      FOREIGN KEY (student, notebook) REFERENCES submissions ON DELETE CASCADE)""");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return new Gradebook(db);
    }

    /** Whether this submission, with these contents, was graded against this source already. */
    public synchronized boolean isUpToDate(String student, String notebook, String submissionSha, String sourceSha) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT 1 FROM submissions WHERE student = ? AND notebook = ? AND submission_sha256 = ? AND source_sha256 = ?")) {
            q.setString(1, student);
            q.setString(2, notebook);
            q.setString(3, submissionSha);
            q.setString(4, sourceSha);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Stores a grade, replacing the student's earlier grade of this notebook. */
    public synchronized void save(String student, NotebookGrade grade, String submissionSha, String sourceSha, double seconds) throws SQLException {
        db.setAutoCommit(false);
        try {
            try (PreparedStatement d = db.prepareStatement("DELETE FROM submissions WHERE student = ? AND notebook = ?")) {
                d.setString(1, student);
                d.setString(2, grade.notebook());
                d.executeUpdate();
            }
            try (PreparedStatement i = db.prepareStatement("INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?)")) {
                i.setString(1, student);
                i.setString(2, grade.notebook());
                i.setString(3, submissionSha);
                i.setString(4, sourceSha);
                i.setString(5, Instant.now().toString());
                i.setDouble(6, seconds);
                i.executeUpdate();
            }
            try (PreparedStatement ex = db.prepareStatement("INSERT INTO exercises VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement ts = db.prepareStatement("INSERT INTO tests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pos = 0;
                for (ExerciseGrade e : grade.exercises()) {
                    ex.setString(1, student);
                    ex.setString(2, grade.notebook());
                    ex.setInt(3, pos++);
                    ex.setString(4, e.exercise());
                    ex.setDouble(5, e.score());
                    ex.setDouble(6, e.max());
                    ex.setString(7, e.reason());
                    ex.executeUpdate();
                    int tpos = 0;
                    for (TestRecord t : e.tests()) {
                        ts.setString(1, student);
                        ts.setString(2, grade.notebook());
                        ts.setString(3, e.exercise());
                        ts.setInt(4, tpos++);
                        ts.setString(5, t.name());
                        ts.setInt(6, t.hidden() ? 1 : 0);
                        ts.setString(7, t.status());
                        ts.setString(8, t.message());
                        ts.setString(9, t.hint());
                        ts.executeUpdate();
                    }
                }
            }
            try (PreparedStatement f = db.prepareStatement("INSERT INTO flags VALUES (?, ?, ?, ?)")) {
                int pos = 0;
                for (String flag : grade.flags()) {
                    f.setString(1, student);
                    f.setString(2, grade.notebook());
                    f.setInt(3, pos++);
                    f.setString(4, flag);
                    f.executeUpdate();
                }
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Every stored grade, by student and notebook. */
    public synchronized List<Entry> all() throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT student, notebook, graded_at, seconds FROM submissions ORDER BY student, notebook")) {
            while (r.next()) {
                String student = r.getString(1), notebook = r.getString(2);
                out.add(new Entry(student, notebook, load(student, notebook), r.getString(3), r.getDouble(4)));
            }
        }
        return out;
    }

    private NotebookGrade load(String student, String notebook) throws SQLException {
        Map<String, List<TestRecord>> tests = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT exercise, name, hidden, status, message, hint FROM tests WHERE student = ? AND notebook = ? ORDER BY exercise, position")) {
            q.setString(1, student);
            q.setString(2, notebook);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    tests.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new TestRecord(r.getString(2), r.getInt(3) == 1, r.getString(4), r.getString(5), r.getString(6)));
                }
            }
        }
        List<ExerciseGrade> exercises = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT exercise, score, max_score, reason FROM exercises WHERE student = ? AND notebook = ? ORDER BY position")) {
            q.setString(1, student);
            q.setString(2, notebook);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    exercises.add(new ExerciseGrade(r.getString(1), r.getDouble(2), r.getDouble(3), r.getString(4),
                            tests.getOrDefault(r.getString(1), List.of())));
                }
            }
        }
        List<String> flags = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT message FROM flags WHERE student = ? AND notebook = ? ORDER BY position")) {
            q.setString(1, student);
            q.setString(2, notebook);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) flags.add(r.getString(1));
            }
        }
        return new NotebookGrade(notebook, exercises, flags);
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
