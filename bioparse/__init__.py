"""bioparse: Chinese biomedical-industry policy documents → tidy, traceable tables.

The pipeline, one module per stage (see README): ``io`` reads files, ``normalize`` cleans
text with an offset map, ``structure`` builds the provision tree, ``agencies`` and
``targets`` extract, ``code`` and ``text`` code and segment, ``compare`` and ``reuse``
compare documents, ``plot`` draws, ``build`` writes the tables.
"""
__version__ = "0.1.0"

from .errors import BioparseError  # noqa: E402
from .normalize import normalize  # noqa: E402
from .structure import parse_provisions  # noqa: E402

__all__ = ["BioparseError", "normalize", "parse_provisions", "__version__"]
