"""``bauplan.Client`` for Airlock's embedded lakehouse.

Same method names, parameters, defaults, return objects and exceptions as the Bauplan SDK for the
calls ETL code makes, so the code the agent writes runs unchanged here and on Bauplan's cloud.
Each call goes to Airlock's lakehouse gateway over a Unix socket; the gateway records it as an
event of the current turn.
"""

import os as _os
import re as _re
import uuid as _uuid

from bauplan import exceptions as _exc
from bauplan import schema as _schema
from bauplan import state as _state
from bauplan import _sources
from bauplan._gateway import Gateway as _Gateway
from bauplan._gateway import socket_path_from_env as _socket_path_from_env
from bauplan._table import table_from_wire as _table_from_wire

# Methods of the cloud SDK that the local lakehouse does not offer: a clear AttributeError
# instead of the bare one, so the agent learns why and what to use instead.
_CLOUD_ONLY = {
    "run": "running Bauplan projects (pipelines) is a cloud feature; run the Python directly",
    "rerun": "running Bauplan projects (pipelines) is a cloud feature",
    "plan_table_creation": "use create_table(table, search_uri, branch=...) instead",
    "apply_table_creation_plan": "use create_table(table, search_uri, branch=...) instead",
    "create_external_table_from_parquet": "use create_table + import_data instead",
    "create_external_table_from_metadata": "use create_table + import_data instead",
    "get_job": "jobs are a cloud feature",
    "get_jobs": "jobs are a cloud feature",
    "get_job_logs": "jobs are a cloud feature",
    "get_job_context": "jobs are a cloud feature",
    "get_job_contexts": "jobs are a cloud feature",
    "cancel_job": "jobs are a cloud feature",
    "query_to_parquet_file": "use query(...) and write the rows yourself",
    "query_to_csv_file": "use query(...) and write the rows yourself",
    "query_to_json_file": "use query(...) and write the rows yourself",
    "rename_branch": "create a new branch from this one and delete the old one instead",
    "rename_tag": "create a new tag instead",
    "delete_tag": "tags are kept in the local lakehouse",
    "delete_namespace": "namespaces are kept in the local lakehouse",
}


def _ref_arg(value, what="ref"):
    if isinstance(value, _schema.Ref):
        return str(value) if value.type != _schema.RefType.DETACHED else "@" + str(value.hash)
    if isinstance(value, str):
        return value
    raise TypeError("%s must be a string or a bauplan.schema.Ref, not %s" % (what, type(value).__name__))


def _branch_arg(value, what="branch"):
    if isinstance(value, _schema.Ref):
        return value.name
    if isinstance(value, str):
        return value
    raise TypeError("%s must be a string or a bauplan.schema.Branch, not %s" % (what, type(value).__name__))


def _opt(convert, value, what):
    return None if value is None else convert(value, what)


def _name_arg(value, what):
    if isinstance(value, (_schema.Table, _schema.Namespace)):
        return value.name
    if isinstance(value, (_schema.Ref)):
        return value.name
    if isinstance(value, str):
        return value
    raise TypeError("%s must be a string, not %s" % (what, type(value).__name__))


class _Paginator:
    """The iterator that ``get_*s`` listings return; the first page is already fetched."""

    def __init__(self, items, limit=None):
        self._items = iter(items if limit is None else list(items)[: max(limit, 0)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._items)


class UserInfo:
    def __init__(self, data):
        data = data or {}
        self.id = data.get("id")
        self.username = data.get("username")
        self.first_name = data.get("first_name")
        self.last_name = data.get("last_name")
        self.full_name = data.get("full_name")

    def __repr__(self):
        return "UserInfo(username=%r, full_name=%r)" % (self.username, self.full_name)


class OrganizationInfo:
    def __init__(self, data):
        data = data or {}
        self.id = data.get("id")
        self.name = data.get("name")
        self.slug = data.get("slug")
        self.default_parameter_secret_key = None
        self.default_parameter_secret_public_key = None

    def __repr__(self):
        return "OrganizationInfo(name=%r)" % (self.name,)


class RunnerNodeInfo:
    def __init__(self, data):
        self.hostname = (data or {}).get("hostname")

    def __repr__(self):
        return "RunnerNodeInfo(hostname=%r)" % (self.hostname,)


class InfoState:
    def __init__(self, data):
        self.user = UserInfo(data.get("user")) if data.get("user") else None
        self.organization = OrganizationInfo(data.get("organization")) if data.get("organization") else None
        self.runners = [RunnerNodeInfo(r) for r in data.get("runners") or []]
        self.client_version = data.get("client_version")

    def __repr__(self):
        return "InfoState(user=%r, organization=%r)" % (self.user, self.organization)


class Client:
    """A client of Airlock's embedded lakehouse with the Bauplan SDK's surface.

    ``profile``, ``api_key``, ``client_timeout`` and ``config_file_path`` are accepted (and
    ``BAUPLAN_*`` variables read) for compatibility; no key is needed locally. The gateway
    socket comes from the ``AIRLOCK_GATEWAY`` environment variable, set by Airlock's sandbox.
    """

    def __init__(self, profile=None, api_key=None, client_timeout=None, config_file_path=None):
        self._profile = profile or _os.environ.get("BAUPLAN_PROFILE") or "default"
        self._has_key = bool(api_key or _os.environ.get("BAUPLAN_API_KEY"))
        self._client_timeout = client_timeout
        self._config_file_path = config_file_path
        self._gateway = _Gateway(_socket_path_from_env())

    def __repr__(self):
        return "bauplan.Client(profile=%r, airlock_gateway=%r)" % (self._profile, self._gateway.socket_path)

    def __getattr__(self, name):
        if name in _CLOUD_ONLY:
            raise AttributeError(
                "'Client' object has no attribute %r: Client.%s exists in Bauplan's cloud SDK but "
                "not in Airlock's local lakehouse (%s)" % (name, name, _CLOUD_ONLY[name])
            )
        raise AttributeError("'Client' object has no attribute %r" % (name,))

    def _call(self, method, **params):
        return self._gateway.call(method, {k: v for k, v in params.items() if v is not None})

    def _call_reading(self, method, failure_type, **params):
        """A call that reads ``search_uri``: files in the sandbox travel with it as bytes."""
        upload = _sources.files_to_upload(params.get("search_uri"), failure_type)
        return self._gateway.call(
            method, {k: v for k, v in params.items() if v is not None}, upload=upload
        )

    # -- info --------------------------------------------------------------------------------

    def info(self, *, client_timeout=None):
        return InfoState(self._call("info") or {})

    # -- branches ----------------------------------------------------------------------------

    def create_branch(self, branch, from_ref, *, if_not_exists=False):
        result = self._call(
            "create_branch",
            branch=_branch_arg(branch),
            from_ref=_ref_arg(from_ref, "from_ref"),
            if_not_exists=bool(if_not_exists),
        )
        return _schema._ref_from_wire(result)

    def delete_branch(self, branch, *, if_exists=False):
        return bool(self._call("delete_branch", branch=_branch_arg(branch), if_exists=bool(if_exists)))

    def has_branch(self, branch):
        return bool(self._call("has_branch", branch=_branch_arg(branch)))

    def get_branch(self, branch):
        return _schema._ref_from_wire(self._call("get_branch", branch=_branch_arg(branch)))

    def get_branches(self, *, name=None, user=None, limit=None):
        result = self._call("get_branches", name=name, user=user, limit=limit)
        return _Paginator([_schema._ref_from_wire(r) for r in result or []], limit)

    def merge_branch(
        self, source_ref, into_branch, *, commit_message=None, commit_body=None, commit_properties=None
    ):
        result = self._call(
            "merge_branch",
            source_ref=_ref_arg(source_ref, "source_ref"),
            into_branch=_branch_arg(into_branch, "into_branch"),
            commit_message=commit_message,
            commit_body=commit_body,
            commit_properties=_properties(commit_properties),
        )
        return _schema._ref_from_wire(result)

    # -- namespaces --------------------------------------------------------------------------

    def create_namespace(
        self, namespace, branch, *, commit_body=None, commit_properties=None, if_not_exists=False
    ):
        result = self._call(
            "create_namespace",
            namespace=_name_arg(namespace, "namespace"),
            branch=_branch_arg(branch),
            commit_body=commit_body,
            commit_properties=_properties(commit_properties),
            if_not_exists=bool(if_not_exists),
        )
        return _schema.Namespace(result.get("name") if isinstance(result, dict) else _name_arg(namespace, "namespace"))

    def has_namespace(self, namespace, ref):
        return bool(self._call("has_namespace", namespace=_name_arg(namespace, "namespace"), ref=_ref_arg(ref)))

    def get_namespace(self, namespace, ref):
        result = self._call("get_namespace", namespace=_name_arg(namespace, "namespace"), ref=_ref_arg(ref))
        return _schema.Namespace(result.get("name"))

    def get_namespaces(self, ref, *, filter_by_name=None, limit=None):
        result = self._call("get_namespaces", ref=_ref_arg(ref), filter_by_name=filter_by_name)
        return _Paginator([_schema.Namespace(n.get("name")) for n in result or []], limit)

    # -- tables ------------------------------------------------------------------------------

    def create_table(
        self,
        table,
        search_uri,
        *,
        branch=None,
        namespace=None,
        partitioned_by=None,
        replace=None,
        args=None,
        priority=None,
        client_timeout=None,
    ):
        params = dict(
            table=_name_arg(table, "table"),
            search_uri=search_uri,
            branch=_opt(_branch_arg, branch, "branch"),
            namespace=_opt(_name_arg, namespace, "namespace"),
            partitioned_by=partitioned_by,
            replace=replace,
            args=args,
        )
        try:
            result = self._call_reading("create_table", "TABLE_CREATE_FAILED", **params)
        except _exc.ServiceUnavailableError as e:
            raise _exc.BauplanJobError(str(e)) from None
        except _exc.BauplanHTTPError as e:
            state = _state.TableCreatePlanState(
                job_id=str(_uuid.uuid4()),
                job_status="FAILED",
                error=e.message,
                plan=None,
                can_auto_apply=False,
                files_to_be_imported=[],
                ctx=_plan_context(params),
            )
            raise _exc.TableCreatePlanStatusError("table plan failed: " + e.message, state) from None
        return _schema.Table(result)

    def import_data(
        self,
        table,
        search_uri,
        *,
        branch=None,
        namespace=None,
        continue_on_error=False,
        import_duplicate_files=False,
        best_effort=False,
        preview=None,
        args=None,
        priority=None,
        client_timeout=None,
        detach=False,
    ):
        params = dict(
            table=_name_arg(table, "table"),
            search_uri=search_uri,
            branch=_opt(_branch_arg, branch, "branch"),
            namespace=_opt(_name_arg, namespace, "namespace"),
            continue_on_error=bool(continue_on_error),
            import_duplicate_files=bool(import_duplicate_files),
            best_effort=bool(best_effort),
            preview=preview,
            args=args,
        )
        ctx = _import_context(params)
        try:
            result = self._call_reading("import_data", "IMPORT_FAILED", **params) or {}
        except _exc.ServiceUnavailableError as e:
            raise _exc.BauplanJobError(str(e)) from None
        except _exc.BauplanHTTPError as e:
            # The real SDK reports a failed import job in the state and does not raise.
            return _state.TableDataImportState(
                job_id=str(_uuid.uuid4()), job_status="FAILED", error=e.message, ctx=ctx
            )
        return _state.TableDataImportState(
            job_id=result.get("job_id") or str(_uuid.uuid4()),
            job_status=result.get("job_status") or "SUCCESS",
            error=result.get("error"),
            ctx=ctx,
        )

    def get_table(self, table, ref, *, namespace=None):
        result = self._call(
            "get_table",
            table=_name_arg(table, "table"),
            ref=_ref_arg(ref),
            namespace=_opt(_name_arg, namespace, "namespace"),
        )
        return _schema.Table(result)

    def has_table(self, table, ref, *, namespace=None):
        return bool(
            self._call(
                "has_table",
                table=_name_arg(table, "table"),
                ref=_ref_arg(ref),
                namespace=_opt(_name_arg, namespace, "namespace"),
            )
        )

    def get_tables(self, ref, *, filter_by_name=None, filter_by_namespace=None, limit=None):
        result = self._call(
            "get_tables",
            ref=_ref_arg(ref),
            filter_by_name=filter_by_name,
            filter_by_namespace=_opt(_name_arg, filter_by_namespace, "filter_by_namespace"),
        )
        return _Paginator([_schema.Table(t) for t in result or []], limit)

    def delete_table(
        self, table, branch, *, namespace=None, if_exists=False, commit_body=None, commit_properties=None
    ):
        result = self._call(
            "delete_table",
            table=_name_arg(table, "table"),
            branch=_branch_arg(branch),
            namespace=_opt(_name_arg, namespace, "namespace"),
            if_exists=bool(if_exists),
            commit_body=commit_body,
            commit_properties=_properties(commit_properties),
        )
        return _schema._ref_from_wire(result)

    def revert_table(
        self,
        table,
        *,
        namespace=None,
        source_ref,
        into_branch,
        replace=None,
        commit_body=None,
        commit_properties=None,
    ):
        result = self._call(
            "revert_table",
            table=_name_arg(table, "table"),
            namespace=_opt(_name_arg, namespace, "namespace"),
            source_ref=_ref_arg(source_ref, "source_ref"),
            into_branch=_branch_arg(into_branch, "into_branch"),
            replace=replace,
            commit_body=commit_body,
            commit_properties=_properties(commit_properties),
        )
        return _schema._ref_from_wire(result)

    # -- queries -----------------------------------------------------------------------------

    def query(
        self,
        query,
        *,
        ref=None,
        max_rows=None,
        cache=None,
        namespace=None,
        args=None,
        priority=None,
        client_timeout=None,
    ):
        if cache not in (None, "on", "off"):
            raise ValueError("cache must be 'on', 'off' or None, not %r" % (cache,))
        if max_rows is not None and (not isinstance(max_rows, int) or max_rows < 0):
            raise ValueError("max_rows must be a non-negative integer, not %r" % (max_rows,))
        try:
            result = self._call(
                "query",
                query=query,
                ref=_opt(_ref_arg, ref, "ref"),
                max_rows=max_rows,
                namespace=_opt(_name_arg, namespace, "namespace"),
                args=args,
            )
        except _exc.BauplanHTTPError as e:
            raise _exc.BauplanQueryError(e.message) from None
        return _table_from_wire(result or {})

    def query_to_generator(self, query, *, ref=None, max_rows=None, cache=None, namespace=None,
                           args=None, priority=None, client_timeout=None):
        table = self.query(query, ref=ref, max_rows=max_rows, cache=cache, namespace=namespace, args=args)
        return iter(table.to_pylist())

    def scan(
        self,
        table,
        *,
        ref=None,
        columns=None,
        filters=None,
        limit=None,
        cache=None,
        namespace=None,
        args=None,
        priority=None,
        client_timeout=None,
    ):
        if columns is not None and len(columns) == 0:
            raise ValueError("Empty column list")
        name = _name_arg(table, "table")
        if namespace is not None:
            name = "%s.%s" % (_name_arg(namespace, "namespace"), name)
        select = "*" if columns is None else ", ".join(_quote(c) for c in columns)
        sql = "SELECT %s FROM %s" % (select, name)
        if filters:
            sql += " WHERE " + filters
        if limit is not None:
            sql += " LIMIT %d" % int(limit)
        return self.query(sql, ref=ref, cache=cache, args=args)

    # -- commits and tags --------------------------------------------------------------------

    def get_commits(
        self,
        ref,
        *,
        filter_by_message=None,
        filter_by_author_username=None,
        filter_by_author_name=None,
        filter_by_author_email=None,
        filter_by_authored_date=None,
        filter_by_authored_date_start_at=None,
        filter_by_authored_date_end_at=None,
        filter_by_parent_hash=None,
        filter_by_properties=None,
        filter=None,
        limit=None,
    ):
        if filter is not None:
            raise ValueError(
                "get_commits(filter=...) takes a CEL expression, which Airlock's local lakehouse "
                "does not evaluate; use the filter_by_* arguments instead"
            )
        filters = _CommitFilters(
            filter_by_message,
            filter_by_author_username,
            filter_by_author_name,
            filter_by_author_email,
            filter_by_authored_date,
            filter_by_authored_date_start_at,
            filter_by_authored_date_end_at,
            filter_by_parent_hash,
            filter_by_properties,
        )
        result = self._call(
            "get_commits", ref=_ref_arg(ref), limit=None if filters.active else limit
        )
        commits = [c for c in (_schema.Commit(d) for d in result or []) if filters.accept(c)]
        return _Paginator(commits, limit)

    def get_tags(self, *, filter_by_name=None, limit=None):
        result = self._call("get_tags", filter_by_name=filter_by_name)
        return _Paginator([_schema._ref_from_wire(r) for r in result or []], limit)

    def get_tag(self, tag):
        return _schema._ref_from_wire(self._call("get_tag", tag=_branch_arg(tag, "tag")))

    def has_tag(self, tag):
        return bool(self._call("has_tag", tag=_branch_arg(tag, "tag")))

    def create_tag(self, tag, from_ref, *, if_not_exists=False):
        result = self._call(
            "create_tag",
            tag=_branch_arg(tag, "tag"),
            from_ref=_ref_arg(from_ref, "from_ref"),
            if_not_exists=bool(if_not_exists),
        )
        return _schema._ref_from_wire(result)


def _properties(values):
    if values is None:
        return None
    return {str(k): str(v) for k, v in dict(values).items()}


def _quote(column):
    return '"%s"' % str(column).replace('"', '""')


def _plan_context(params):
    return _state.TableCreatePlanContext(
        branch_name=params.get("branch"),
        namespace=params.get("namespace") or "bauplan",
        search_string=params.get("search_uri"),
        table_name=params.get("table"),
        table_partitioned_by=params.get("partitioned_by"),
        table_replace=bool(params.get("replace")),
    )


def _import_context(params):
    return _state.TableDataImportContext(
        branch_name=params.get("branch"),
        table_name=params.get("table"),
        namespace=params.get("namespace") or "bauplan",
        search_string=params.get("search_uri"),
        import_duplicate_files=params.get("import_duplicate_files"),
        best_effort=params.get("best_effort"),
        continue_on_error=params.get("continue_on_error"),
        transformation_query=None,
        preview=params.get("preview") or "off",
    )


class _CommitFilters:
    """The filter_by_* arguments of get_commits, applied here (strings may be regexes)."""

    def __init__(self, message, username, name, email, date, start, end, parent, properties):
        self._message = message
        self._username = username
        self._name = name
        self._email = email
        self._date = _schema._parse_datetime(date)
        self._start = _schema._parse_datetime(start)
        self._end = _schema._parse_datetime(end)
        self._parent = parent
        self._properties = properties
        self.active = any(
            v is not None for v in (message, username, name, email, date, start, end, parent, properties)
        )

    def accept(self, commit):
        author = commit.author
        checks = [
            _matches(self._message, commit.message),
            _matches(self._username, commit.properties.get("bpln_username")),
            _matches(self._name, author.name if author else None),
            _matches(self._email, author.email if author else None),
            self._parent is None or self._parent in commit.parent_hashes,
            self._properties is None
            or all(commit.properties.get(k) == str(v) for k, v in self._properties.items()),
        ]
        when = commit.authored_date
        if when is not None:
            checks.append(self._date is None or _same_day(self._date, when))
            checks.append(self._start is None or _naive(when) >= _naive(self._start))
            checks.append(self._end is None or _naive(when) <= _naive(self._end))
        return all(checks)


def _matches(pattern, value):
    if pattern is None:
        return True
    if value is None:
        return False
    if value == pattern:
        return True
    try:
        return _re.search(pattern, value) is not None
    except _re.error:
        return False


def _naive(moment):
    return moment.replace(tzinfo=None) if moment.tzinfo is None else moment.astimezone().replace(tzinfo=None)


def _same_day(wanted, moment):
    return _naive(wanted).date() == _naive(moment).date()
