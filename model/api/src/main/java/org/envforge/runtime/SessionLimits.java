package org.envforge.runtime;

/**
 * What one session may use in all, whatever its programs do: runtimes enforce each limit where the
 * host lets them and say which hold ({@link SandboxRuntime#guards()}).
 *
 * @param memoryBytes the memory of all the session's programs together (a control group; where
 *     none can be made, the address space of each program)
 * @param processes how many processes and threads the session may run at once
 * @param diskBytes what the session's home folder may hold
 * @param tmpBytes what each scratch folder (/tmp, /var/tmp, /run, /dev/shm) may hold
 */
public record SessionLimits(long memoryBytes, int processes, long diskBytes, long tmpBytes) {

    /** 4 GiB of memory, 1,024 processes, a 2 GiB home, 512 MiB per scratch folder. */
    public static final SessionLimits DEFAULT = new SessionLimits(4L << 30, 1024, 2L << 30, 512L << 20);

    public SessionLimits {
        if (memoryBytes < (64L << 20) || processes < 16 || diskBytes < (1L << 20) || tmpBytes < (1L << 20)) {
            throw new IllegalArgumentException("session limits too small: " + memoryBytes + " bytes of memory, " + processes
                    + " processes, " + diskBytes + " bytes of disk, " + tmpBytes + " bytes per scratch folder");
        }
    }

    public SessionLimits withMemory(long bytes) {
        return new SessionLimits(bytes, processes, diskBytes, tmpBytes);
    }

    public SessionLimits withProcesses(int n) {
        return new SessionLimits(memoryBytes, n, diskBytes, tmpBytes);
    }

    public SessionLimits withDisk(long bytes) {
        return new SessionLimits(memoryBytes, processes, bytes, tmpBytes);
    }

    public SessionLimits withTmp(long bytes) {
        return new SessionLimits(memoryBytes, processes, diskBytes, bytes);
    }
}
