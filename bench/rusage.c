/* Runs a command once and writes what it cost, for bench/run.sh:
 *
 *     rusage OUTFILE CMD [ARG...]
 *
 * OUTFILE gets one line: wall seconds, user+system CPU seconds, peak RSS in
 * KB ("%.4f %.4f %ld"). The figures are the child's own getrusage (wait4),
 * what GNU time prints as %e, %U + %S and %M, but to the microsecond:
 * /usr/bin/time prints CPU in hundredths, too coarse for the libyaml floor of
 * a 10,000-flow programme (about 0.07 s). It is C, not a script, because
 * Linux carries the peak RSS of the forking process into the child across
 * exec: a small measurer is what lets a small command's peak be its own.
 * The command's standard output goes to /dev/null; standard error is kept.
 * Exits with the command's status (128 + N when signal N ended it). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s OUTFILE CMD [ARG...]\n", argv[0]);
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) dup2(null, 1);
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    double cpu = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 2;
    }
    fprintf(out, "%.4f %.4f %ld\n", wall, cpu, usage.ru_maxrss);
    fclose(out);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
