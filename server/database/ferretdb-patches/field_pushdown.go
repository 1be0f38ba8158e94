// Added to FerretDB's SQLite backend (package sqlite) by server/database/ferretdb-patch.ts
// before the embedded build (ADR 040); not built on its own.

package sqlite

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// plainField is a top-level key written as FerretDB writes it in an index's expression
// (registry.go quotes each part with %q); other keys (paths, operators) are left to Go.
var plainField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// pushdownWhereClause is the WHERE clause that narrows, in SQLite, the documents a filter can
// match: its `_id` condition (ADR 038) AND each other top-level key compared with a string, an
// ObjectId or `$in` of those (ADR 040). SQLite reads through an index on any of those keys;
// the `_id` index, and each index FerretDB made for a field, is on the very expression used
// here. A filter with none of them gets "" and SQLite reads the whole collection, as before.
//
// It may return more documents than the filter matches, never fewer: every caller of the
// backend's Query applies the whole filter in Go to what comes back.
func pushdownWhereClause(filter *types.Document) (string, []any) {
	var conditions []string
	var args []any

	if condition, values := idCondition(filter); condition != "" {
		conditions = append(conditions, condition)
		args = append(args, values...)
	}

	for _, key := range filter.Keys() {
		condition, values := fieldCondition(filter, key)
		if condition != "" {
			conditions = append(conditions, condition)
			args = append(args, values...)
		}
	}

	if len(conditions) == 0 {
		return "", nil
	}

	return " WHERE " + strings.Join(conditions, " AND "), args
}

// fieldCondition narrows by `key: <string or ObjectId>` or `key: {$in: [...]}` of those. MongoDB
// also matches a document whose field is an array holding the value, and a JSON array's text
// starts with "[", so those documents are read too (from the same index, as a range) and left
// to Go. A value of any other type, or a key that is not a plain top-level field, gets "".
func fieldCondition(filter *types.Document, key string) (string, []any) {
	if key == "_id" || !plainField.MatchString(key) || countKey(filter, key) != 1 {
		return "", nil
	}

	args := uniqueValues(must.NotFail(filter.Get(key)))
	if args == nil {
		return "", nil
	}

	column := fmt.Sprintf("%s->%q", metadata.DefaultColumn, key)
	condition := fmt.Sprintf(`(%s OR (%s >= '[' AND %s < '\'))`, inCondition(column, args), column, column)

	return condition, args
}
