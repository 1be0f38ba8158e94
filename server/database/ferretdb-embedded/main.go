// Command ferretdb-embedded runs FerretDB (the MongoDB wire protocol over SQLite) for the app
// and for the tests. It prints the MongoDB URI on stdout once it is listening, and stops when
// its parent closes stdin, so it never outlives the Node process that started it, even when
// that process is killed with SIGKILL.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0: any free port)")
	dir := flag.String("sqlite-dir", "data/sqlite", "directory for the SQLite database files")
	flag.Parse()

	absDir, err := filepath.Abs(*dir)
	if err != nil {
		fail(err)
	}
	if err := os.MkdirAll(absDir, 0o700); err != nil {
		fail(err)
	}

	// FERRETDB_CPU_PROFILE=<file>: a Go CPU profile of the database, written when it stops
	// (for the benches; `go tool pprof -top <binary> <file>` reads it).
	if path := os.Getenv("FERRETDB_CPU_PROFILE"); path != "" {
		out, err := os.Create(path)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			fail(err)
		}
		defer func() {
			pprof.StopCPUProfile()
			_ = out.Close()
		}()
	}

	// The database waits its turn for a core rather than taking it from the app server (ADR 054).
	// Not being able to is no reason to stop: it runs as before.
	if err := yieldToInteractive(); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-embedded: scheduling policy left as it was:", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The parent holds our stdin open for as long as it lives.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	// temp_store(memory): SQLite keeps its statement journals in memory (ADR 042). An insert of
	// many documents journals every page it changes; past 64 KB that journal was a temporary file,
	// created, written and deleted for each such insert, as the update log's are while people type.
	sqliteURL := "file:" + absDir + "/?_pragma=temp_store(memory)"

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
		Logger:    logger,
	})
	if err != nil {
		fail(err)
	}

	done := make(chan error, 1)
	go func() { done <- db.Run(ctx) }()

	// Blocks until the listener is up; the parent waits for this line.
	fmt.Println(db.MongoDBURI())

	if err := <-done; err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ferretdb-embedded:", err)
	os.Exit(1)
}
