#ifndef DPFLOW_CGRAPHVIZ_SHIM_H
#define DPFLOW_CGRAPHVIZ_SHIM_H
#include <gvc.h>
#include <cgraph.h>

/* Graphviz's default disciplines, by address (Swift cannot take the address of a C global safely). */
static inline Agmemdisc_t *dpflow_default_mem_disc(void) { return &AgMemDisc; }
static inline Agiddisc_t *dpflow_default_id_disc(void) { return &AgIdDisc; }
static inline Agiodisc_t *dpflow_default_io_disc(void) { return &AgIoDisc; }
#endif
