"""Wire types of ``client.fine_tuning.checkpoints.permissions`` (sharing a checkpoint with projects)."""

from __future__ import annotations

from gptkit.types.fine_tuning.checkpoints.permission_create_params import PermissionCreateParams
from gptkit.types.fine_tuning.checkpoints.permission_create_response import PermissionCreateResponse
from gptkit.types.fine_tuning.checkpoints.permission_delete_response import PermissionDeleteResponse
from gptkit.types.fine_tuning.checkpoints.permission_list_params import PermissionListParams
from gptkit.types.fine_tuning.checkpoints.permission_list_response import PermissionListResponse
from gptkit.types.fine_tuning.checkpoints.permission_retrieve_params import PermissionRetrieveParams
from gptkit.types.fine_tuning.checkpoints.permission_retrieve_response import PermissionRetrieveResponse

__all__ = [
    "PermissionCreateParams",
    "PermissionCreateResponse",
    "PermissionDeleteResponse",
    "PermissionListParams",
    "PermissionListResponse",
    "PermissionRetrieveParams",
    "PermissionRetrieveResponse",
]
