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

// maxPushedDownIDs bounds the values of one `$in` sent to SQLite as bound parameters; a longer
// list is checked in Go against every document, as without this file.
const maxPushedDownIDs = 10000

// idCondition is the SQL condition that reads, through the `_id` index, the documents a
// filter's `_id` condition allows: `_id: <string or ObjectId>` (as FerretDB itself does for a
// filter with no other key) or `_id: {$in: [<strings or ObjectIds>]}`, beside any other keys.
// Any other `_id` condition gets "" (nothing narrowed).
//
// Every caller of the backend's Query applies the whole filter to what comes back (SQLite only
// narrows what is read), so leaving the other keys to Go is correct, and so is a superset.
func idCondition(filter *types.Document) (string, []any) {
	if countKey(filter, "_id") != 1 {
		return "", nil
	}

	args := uniqueValues(must.NotFail(filter.Get("_id")))

	return inCondition(metadata.IDColumn, args), args
}

// uniqueValues are the values `key: v` compares with, as SQLite holds them, when v is a string,
// an ObjectId or `{$in: [...]}` of those (the types whose JSON form is unique); nil otherwise.
func uniqueValues(v any) []any {
	switch v := v.(type) {
	case string, types.ObjectID:
		return []any{sjsonArg(v)}
	case *types.Document:
		return inValues(v)
	default:
		return nil
	}
}

// inValues are the values of `{$in: [...]}` as SQLite holds them, if it holds 1 to
// maxPushedDownIDs strings and ObjectIds; nil otherwise.
func inValues(condition *types.Document) []any {
	if condition.Len() != 1 || countKey(condition, "$in") != 1 {
		return nil
	}

	list, ok := must.NotFail(condition.Get("$in")).(*types.Array)
	if !ok || list.Len() == 0 || list.Len() > maxPushedDownIDs {
		return nil
	}

	args := make([]any, list.Len())

	for i := 0; i < list.Len(); i++ {
		v := must.NotFail(list.Get(i))

		switch v.(type) {
		case string, types.ObjectID:
		default:
			return nil
		}

		args[i] = sjsonArg(v)
	}

	return args
}

// inCondition is `column = ?` or `column IN (?, …)` for the values; "" for none.
func inCondition(column string, args []any) string {
	switch len(args) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(`%s = ?`, column)
	default:
		return fmt.Sprintf(`%s IN (%s)`, column, strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", "))
	}
}

// sjsonArg is a value as FerretDB's JSON column (and so its indexes) holds it.
func sjsonArg(v any) any {
	return string(must.NotFail(sjson.MarshalSingleValue(v)))
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
