"""An identity from the identity provider (Streamlit's `st.login`, OIDC) mapped to a role.

The provider says who someone is, the accounts file says what they may do: the account named after
the person's e-mail address (`ecosystem users add marie@example.org --role contributor --oidc`)
gives its role and grants. Anyone else the provider lets in is a viewer, and so is an address the
provider does not vouch for (`email_verified` false), whatever account bears its name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ecosystem.access.accounts import Accounts
from ecosystem.access.roles import ANONYMOUS, Principal, Role


def oidc_principal(claims: Mapping[str, Any], accounts: Accounts) -> Principal:
    """The principal of a logged-in identity (`st.user` as a mapping of its claims)."""
    email = str(claims.get("email") or "").strip()
    identity = email or str(claims.get("sub") or "").strip()
    if not identity:
        return ANONYMOUS
    if email and claims.get("email_verified", True) is not False:
        account = accounts.get(email)
        if account is not None:
            return account.principal("oidc")
    return Principal(identity, Role.VIEWER, via="oidc")
