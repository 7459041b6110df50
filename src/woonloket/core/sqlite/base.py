"""SQLite backend that knows the audit log's append-only triggers.

`flush` (wiping the whole database, as the test runner does between
transactional tests) is the one operation allowed to empty the audit table:
it lifts the triggers for its own DELETE statements and puts them back.
On PostgreSQL flush uses TRUNCATE, which row triggers do not see.
"""

from django.db.backends.sqlite3 import base, operations

from woonloket.core.audit_triggers import SQLITE_DOWN, SQLITE_UP


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        sql = super().sql_flush(
            style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
        if "core_auditentry" in tables:
            sql = [*SQLITE_DOWN, *sql, *SQLITE_UP]
        return sql


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
