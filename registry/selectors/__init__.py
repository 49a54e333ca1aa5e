"""Every non-trivial read of the registry, scoped to the caller (DESIGN.md §4): one module per sub-domain,
each re-exported here so that callers write `from registry import selectors`."""

from registry.selectors.instruments import *  # noqa: F403
from registry.selectors.instruments import __all__ as _instruments
from registry.selectors.organizations import *  # noqa: F403
from registry.selectors.organizations import __all__ as _organizations
from registry.selectors.radiation import *  # noqa: F403
from registry.selectors.radiation import __all__ as _radiation

__all__ = [*_organizations, *_instruments, *_radiation]
