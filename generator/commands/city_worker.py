"""City worker: `python -m generator.commands.city_worker JOB RESULT` builds one pickled `city.DistrictJob`
and pickles its `city.DistrictResult`. A fresh interpreter per district (not a fork), so it is safe
whatever threads or `__main__` the caller has."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from .city import DistrictJob, build_district


def main(argv: list[str]) -> int:
    job: DistrictJob = pickle.loads(Path(argv[0]).read_bytes())
    Path(argv[1]).write_bytes(pickle.dumps(build_district(job)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
