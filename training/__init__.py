"""Scripts that rebuild the shipped models and data from ../shared/train (docs/models.md)."""

import os

# One BLAS thread for numpy in every training script: a multi-threaded matrix product may
# add floats in another order, and the built files must be the same bytes on every run.
# (Set before numpy is first imported, which only training modules do.)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
