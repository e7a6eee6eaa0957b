#ifndef DPFLOW_CYAML_SHIM_H
#define DPFLOW_CYAML_SHIM_H
#include <yaml.h>
#endif
