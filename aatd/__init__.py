"""aatd: the science behind the alpha-1 antitrypsin deficiency course.

One module per idea: ``genetics`` (alleles, genotypes, serum levels, inheritance),
``units`` (µM ↔ mg/dL), ``kinetics`` (elastase against antitrypsin after a neutrophil
burst), ``lung`` (lifetime FEV1), ``plots`` (one look for the whole book), ``widgets``
(live and kernel-free explorers) and ``quiz`` (question banks).

This package is for teaching. It is not a clinical tool and gives no medical advice.
"""

__version__ = "0.1.0"
