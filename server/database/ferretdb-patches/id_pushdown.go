// Added to FerretDB's SQLite backend (package sqlite) by server/database/ferretdb-patch.ts
// before the embedded build (ADR 038); not built on its own.

package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// maxPushedDownIDs bounds the ids of one `$in` sent to SQLite as bound parameters; a longer
// list is checked in Go against every document, as without this file.
const maxPushedDownIDs = 10000

// idWhereClause is the WHERE clause that reads, through the `_id` index, the documents a
// filter's `_id` condition allows: `_id: <string or ObjectId>` (as FerretDB itself does for a
// filter with no other key) or `_id: {$in: [<strings or ObjectIds>]}`, beside any other keys.
// Any other filter gets "" and SQLite reads the whole collection, as before.
//
// Every caller of the backend's Query applies the whole filter to what comes back (SQLite only
// narrows what is read), so leaving the other keys to Go is correct, and so is a superset.
func idWhereClause(filter *types.Document) (string, []any) {
	if countKey(filter, "_id") != 1 {
		return "", nil
	}

	switch v := must.NotFail(filter.Get("_id")).(type) {
	case string, types.ObjectID:
		return fmt.Sprintf(` WHERE %s = ?`, metadata.IDColumn), []any{idArg(v)}
	case *types.Document:
		return idInWhereClause(v)
	default:
		return "", nil
	}
}

// idInWhereClause reads the documents of `{$in: [...]}` through the `_id` index, if it holds
// only strings and ObjectIds (the types whose JSON form is unique, as for the equality).
func idInWhereClause(condition *types.Document) (string, []any) {
	if condition.Len() != 1 || countKey(condition, "$in") != 1 {
		return "", nil
	}

	ids, ok := must.NotFail(condition.Get("$in")).(*types.Array)
	if !ok || ids.Len() == 0 || ids.Len() > maxPushedDownIDs {
		return "", nil
	}

	placeholders := make([]string, ids.Len())
	args := make([]any, ids.Len())

	for i := 0; i < ids.Len(); i++ {
		id := must.NotFail(ids.Get(i))

		switch id.(type) {
		case string, types.ObjectID:
		default:
			return "", nil
		}

		placeholders[i] = "?"
		args[i] = idArg(id)
	}

	return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, strings.Join(placeholders, ", ")), args
}

// idArg is an `_id` value as the index holds it.
func idArg(id any) any {
	return string(must.NotFail(sjson.MarshalSingleValue(id)))
}

// countKey counts `key` among the document's keys (a filter can repeat a key on the wire, and
// Get panics on a repeated key).
func countKey(doc *types.Document, key string) int {
	n := 0

	for _, k := range doc.Keys() {
		if k == key {
			n++
		}
	}

	return n
}
