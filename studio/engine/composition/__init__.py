"""The request being composed, as a model of its own (no Qt): see :mod:`.model`.

``options`` holds the settings and the rules that keep them fitting a model, ``history`` the
undo stack of its changes.
"""

from studio.engine.composition.model import Composition, CompositionEvents, Draft, Target
from studio.engine.composition.options import OptionValues

__all__ = ["Composition", "CompositionEvents", "Draft", "OptionValues", "Target"]
