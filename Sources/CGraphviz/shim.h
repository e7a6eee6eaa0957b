#ifndef DPFLOW_CGRAPHVIZ_SHIM_H
#define DPFLOW_CGRAPHVIZ_SHIM_H
#include <gvc.h>
#include <cgraph.h>
#endif
