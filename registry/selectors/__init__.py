"""Every non-trivial read of the registry, scoped to the caller (DESIGN.md §4)."""

from registry.selectors.instruments import *  # noqa: F403
from registry.selectors.instruments import __all__ as _instruments
from registry.selectors.notices import *  # noqa: F403
from registry.selectors.notices import __all__ as _notices
from registry.selectors.radiation import *  # noqa: F403
from registry.selectors.radiation import __all__ as _radiation

__all__ = [*_instruments, *_notices, *_radiation]
