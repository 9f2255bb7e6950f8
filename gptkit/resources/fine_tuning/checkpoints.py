"""``client.fine_tuning.checkpoints.permissions``: share a fine-tuned checkpoint with other
projects of the organization, list who may use it, and revoke a permission."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, cast

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.pagination import AsyncConversationCursorPage, AsyncPage, SyncConversationCursorPage, SyncPage
from gptkit.resources._common import body_params, invalid, list_query, path_with, with_query
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin, twin_list
from gptkit.types.fine_tuning.checkpoints.permission_create_params import PermissionCreateParams
from gptkit.types.fine_tuning.checkpoints.permission_create_response import PermissionCreateResponse
from gptkit.types.fine_tuning.checkpoints.permission_delete_response import PermissionDeleteResponse
from gptkit.types.fine_tuning.checkpoints.permission_list_response import PermissionListResponse
from gptkit.types.fine_tuning.checkpoints.permission_retrieve_response import PermissionRetrieveResponse
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncCheckpoints", "AsyncPermissions", "Checkpoints", "Permissions"]

_PERMISSIONS = "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions"
_CREATE_PARAMS = ParamValidator(PermissionCreateParams, "fine_tuning.checkpoints.permissions.create")
CREATE = (Endpoint(method="POST", path=_PERMISSIONS, response=SyncPage[PermissionCreateResponse],
                   validator=_CREATE_PARAMS),
          Endpoint(method="POST", path=_PERMISSIONS, response=AsyncPage[PermissionCreateResponse],
                   validator=_CREATE_PARAMS))
RETRIEVE = Endpoint(method="GET", path=_PERMISSIONS, response=PermissionRetrieveResponse)
LIST = (
    Endpoint(method="GET", path=_PERMISSIONS, response=SyncConversationCursorPage[PermissionListResponse]),
    Endpoint(method="GET", path=_PERMISSIONS, response=AsyncConversationCursorPage[PermissionListResponse]),
)
DELETE = Endpoint(method="DELETE", path=_PERMISSIONS + "/{permission_id}", response=PermissionDeleteResponse)
_Order = Literal["ascending", "descending"]


def _path(call: str, checkpoint: str) -> str:
    return path_with(_PERMISSIONS, f"fine_tuning.checkpoints.permissions.{call}",
                     fine_tuned_model_checkpoint=checkpoint)


def _query(call: str, after: str | None, limit: int | None, order: _Order | None,
           project_id: str | None) -> dict[str, object]:
    """The query of ``retrieve`` / ``list``; ``order`` is spelled out here (not asc/desc)."""
    name = f"fine_tuning.checkpoints.permissions.{call}"
    if order is not None and order not in ("ascending", "descending"):
        raise invalid(name, "order", f"must be 'ascending' or 'descending', not {order!r}")
    query = list_query(name, after=after, limit=limit, most=10_000, project_id=project_id)
    if order is not None:
        query["order"] = order
    return query


class Permissions(SyncResource):
    """Checkpoint permissions of a ``Client`` (``AsyncPermissions`` runs the same methods).
    These calls need an admin API key."""

    def create(self, fine_tuned_model_checkpoint: str, *, project_ids: Sequence[str],
               **options: Unpack[RequestOptions]) -> SyncPage[PermissionCreateResponse]:
        """Let ``project_ids`` use the checkpoint; the page lists the new permissions."""
        path = _path("create", fine_tuned_model_checkpoint)
        if (isinstance(project_ids, str) or not isinstance(project_ids, Sequence) or not project_ids
                or not all(isinstance(p, str) and p for p in project_ids)):
            raise invalid("fine_tuning.checkpoints.permissions.create", "project_ids",
                          f"must be a non-empty list of project ids, not {project_ids!r}")
        body = body_params({"project_ids": list(project_ids)}, {})
        return cast("SyncPage[PermissionCreateResponse]", self._list(CREATE, {}, options, path, body))

    def retrieve(self, fine_tuned_model_checkpoint: str, *, after: str | None = None,
                 limit: int | None = None, order: _Order | None = None, project_id: str | None = None,
                 **options: Unpack[RequestOptions]) -> PermissionRetrieveResponse:
        """One page of the checkpoint's permissions, as a list object (``list`` pages through)."""
        path = _path("retrieve", fine_tuned_model_checkpoint)
        query = _query("retrieve", after, limit, order, project_id)
        return cast(PermissionRetrieveResponse, self._send(RETRIEVE, with_query(options, query), path))

    def list(self, fine_tuned_model_checkpoint: str, *, after: str | None = None,
             limit: int | None = None, order: _Order | None = None, project_id: str | None = None,
             **options: Unpack[RequestOptions]) -> SyncConversationCursorPage[PermissionListResponse]:
        """The checkpoint's permissions; iterating goes through every page (async: ``await`` for
        one page, ``async for`` over every permission)."""
        path = _path("list", fine_tuned_model_checkpoint)
        query = _query("list", after, limit, order, project_id)
        page = self._list(LIST, query, options, path)
        return cast("SyncConversationCursorPage[PermissionListResponse]", page)

    def delete(self, permission_id: str, *, fine_tuned_model_checkpoint: str,
               **options: Unpack[RequestOptions]) -> PermissionDeleteResponse:
        """Revoke one permission of the checkpoint."""
        path = path_with(DELETE.path, "fine_tuning.checkpoints.permissions.delete",
                         fine_tuned_model_checkpoint=fine_tuned_model_checkpoint, permission_id=permission_id)
        return cast(PermissionDeleteResponse, self._send(DELETE, dict(options), path))


class AsyncPermissions(AsyncResource):
    """Checkpoint permissions of an ``AsyncClient``: ``Permissions``'s methods, awaited."""

    create: Final = twin_list(Permissions.create)
    retrieve: Final = twin(Permissions.retrieve)
    list: Final = twin_list(Permissions.list)
    delete: Final = twin(Permissions.delete)


class Checkpoints(SyncResource):
    """``client.fine_tuning.checkpoints``: what is shared of fine-tuned checkpoints."""

    @property
    def permissions(self) -> Permissions:
        """``client.fine_tuning.checkpoints.permissions.create(...)`` and the rest."""
        return self._sub(Permissions)


class AsyncCheckpoints(AsyncResource):
    """``client.fine_tuning.checkpoints`` of an ``AsyncClient``."""

    @property
    def permissions(self) -> AsyncPermissions:
        """``await client.fine_tuning.checkpoints.permissions.create(...)`` and the rest."""
        return self._sub(AsyncPermissions)
