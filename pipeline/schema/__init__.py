"""The one declarative description of the workbook (template version 2; version 1 still read).

Fields, tables, columns, types, units, ranges, defaults, dropdown values and help text, in English
and Bahasa Indonesia. The template writer, the reader, validation and the report's assumptions
appendix all read this package; nothing else spells a header, a sheet name or a dropdown label.

- `core`: Text, Choice, Field, Column, Table and header/label matching
- `choices`: the dropdown values
- `cost_types`: the hidden-cost checklist and the inference of a line's type from its Item
- `layout`: sheets and single values
- `shapes`: the Profiles and Seasonality tables (template version 2)
- `hybrids`: the optional Hybrids table, the user's own hybrids (template version 2)
- `deliverable`: the optional Risks and Commentary sheets (risk register, commentary, sign-off)
- `tables`: the nine tables, and each as an older template version has it
- `criteria`: default qualitative criteria and benchmarks
- `demand`: built-in weekly profiles and seasonal patterns (template version 2)
"""

from .choices import *  # noqa: F403
from .core import *  # noqa: F403
from .cost_types import *  # noqa: F403
from .criteria import *  # noqa: F403
from .deliverable import *  # noqa: F403
from .demand import *  # noqa: F403
from .hybrids import *  # noqa: F403
from .layout import *  # noqa: F403
from .shapes import *  # noqa: F403
from .tables import *  # noqa: F403
