"""Wire types of ``client.conversations`` and ``client.conversations.items``."""

from __future__ import annotations

from gptkit.types.conversations.conversation import Conversation
from gptkit.types.conversations.conversation_create_params import ConversationCreateParams
from gptkit.types.conversations.conversation_deleted_resource import ConversationDeletedResource
from gptkit.types.conversations.conversation_item import ConversationItem
from gptkit.types.conversations.conversation_item_list import ConversationItemList
from gptkit.types.conversations.conversation_update_params import ConversationUpdateParams
from gptkit.types.conversations.item_create_params import ItemCreateParams
from gptkit.types.conversations.item_list_params import ItemListParams
from gptkit.types.conversations.item_retrieve_params import ItemRetrieveParams
from gptkit.types.conversations.message import Message

__all__ = [
    "Conversation",
    "ConversationCreateParams",
    "ConversationDeletedResource",
    "ConversationItem",
    "ConversationItemList",
    "ConversationUpdateParams",
    "ItemCreateParams",
    "ItemListParams",
    "ItemRetrieveParams",
    "Message",
]
