package dev.noreset.hw.dev;

import dev.noreset.hw.Snapshottable;
import dev.noreset.hw.bus.IoBus;
import dev.noreset.hw.bus.IrqLine;
import dev.noreset.hw.bus.PortDevice;
import dev.noreset.hw.bus.VirtualClock;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An ATA disk (device 0 on the primary channel: command block 0x1F0..0x1F7, control block 0x3F6,
 * IRQ 14) speaking the PIO protocols of ATA/ATAPI-6: IDENTIFY DEVICE, READ SECTORS, WRITE SECTORS
 * with LBA28 or CHS addresses, plus EXECUTE DEVICE DIAGNOSTIC, FLUSH CACHE and the no-data setup
 * commands; anything else is aborted. Each command and each sector takes {@code latency} virtual
 * ticks with BSY set. PIO data-in raises INTRQ when each sector is ready; PIO data-out asks for
 * the first sector without an interrupt and interrupts after each sector is written; reading the
 * Status register clears INTRQ, reading Alternate Status does not. A written sector reaches the
 * image file before BSY clears. Addresses past the end fail with ERR and IDNF; host I/O errors
 * fail with ERR and UNC (reads) or DF and ABRT (writes). There is no device 1: with DEV set,
 * Status reads 00h and commands are ignored.
 */
public final class AtaDisk implements PortDevice, TimedDevice, Snapshottable {
    public static final int BASE = 0x1F0, CONTROL = 0x3F6, IRQ = 14;
    public static final int BSY = 0x80, DRDY = 0x40, DF = 0x20, DSC = 0x10, DRQ = 0x08, ERR = 0x01;
    public static final int ABRT = 0x04, IDNF = 0x10, UNC = 0x40;
    public static final int CMD_READ = 0x20, CMD_WRITE = 0x30, CMD_IDENTIFY = 0xEC, CMD_DIAGNOSTIC = 0x90,
            CMD_FLUSH = 0xE7;

    private static final int NONE = 0, IN = 1, OUT = 2;
    private static final int P_NONE = 0, P_SECTOR_IN = 1, P_SECTOR_OUT = 2, P_IDENTIFY = 3, P_DONE = 4,
            P_RESET = 5, P_FLUSH = 6, P_DIAG = 7;
    private static final long NEVER = Long.MAX_VALUE;

    private final DiskImage image;
    private final VirtualClock clock;
    private final IrqLine irq;
    private final long latency;
    private final String serial;

    private int features, error = 1, count = 1, lbaLow = 1, lbaMid, lbaHigh, device;
    private int status = DRDY | DSC;
    private int control;
    private final byte[] buf = new byte[DiskImage.SECTOR];
    private int bufPos;
    private int transfer = NONE;
    private long lba;
    private int left;
    private int pending = P_NONE;
    private long pendingAt = NEVER;
    private boolean intrq;
    private boolean irqLevel;

    public AtaDisk(DiskImage image, VirtualClock clock, IrqLine irq, long latency) {
        if (latency < 0) {
            throw new IllegalArgumentException("negative ATA latency");
        }
        this.image = image;
        this.clock = clock;
        this.irq = irq;
        this.latency = latency;
        this.serial = "NR" + Long.toHexString(image.sectors());
    }

    public void attach(IoBus bus) {
        bus.claim(BASE, BASE + 7, this);
        bus.claim(CONTROL, CONTROL, this);
    }

    public DiskImage image() {
        return image;
    }

    @Override
    public boolean wide(int port) {
        return port == BASE;
    }

    private boolean dev1() {
        return (device & 0x10) != 0;
    }

    @Override
    public int in(int port, int size) {
        advanceTo(clock.now());
        int r;
        if (port == CONTROL) {
            r = dev1() ? 0 : status;
        } else {
            switch (port - BASE) {
                case 0 -> r = readData(size);
                case 1 -> r = error;
                case 2 -> r = count;
                case 3 -> r = lbaLow;
                case 4 -> r = lbaMid;
                case 5 -> r = lbaHigh;
                case 6 -> r = device | 0xA0;
                default -> {
                    r = dev1() ? 0 : status;
                    if (!dev1()) {
                        intrq = false;
                    }
                }
            }
        }
        updateIrq();
        return r;
    }

    @Override
    public void out(int port, int size, int value) {
        advanceTo(clock.now());
        if (port == CONTROL) {
            deviceControl(value & 0xFF);
        } else {
            int v = value & 0xFF;
            switch (port - BASE) {
                case 0 -> writeData(size, value);
                case 1 -> features = v;
                case 2 -> count = v;
                case 3 -> lbaLow = v;
                case 4 -> lbaMid = v;
                case 5 -> lbaHigh = v;
                case 6 -> device = v & 0x5F;
                default -> command(v);
            }
        }
        updateIrq();
    }

    private int readData(int size) {
        if (transfer != IN || dev1()) {
            return size == 4 ? -1 : size == 2 ? 0xFFFF : 0xFF;
        }
        int v = 0;
        for (int i = 0; i < size && bufPos < DiskImage.SECTOR; i++) {
            v |= (buf[bufPos++] & 0xFF) << (8 * i);
        }
        if (bufPos == DiskImage.SECTOR) {
            transfer = NONE;
            lba++;
            left--;
            if (left > 0) {
                busy(P_SECTOR_IN);
            } else {
                status = DRDY | DSC;
            }
        }
        return v;
    }

    private void writeData(int size, int value) {
        if (transfer != OUT || dev1()) {
            return;
        }
        for (int i = 0; i < size && bufPos < DiskImage.SECTOR; i++) {
            buf[bufPos++] = (byte) (value >>> (8 * i));
        }
        if (bufPos == DiskImage.SECTOR) {
            transfer = NONE;
            busy(P_SECTOR_OUT);
        }
    }

    private void busy(int what) {
        status = BSY;
        pending = what;
        pendingAt = clock.now() + latency;
        if (latency == 0) {
            advanceTo(clock.now());
        }
    }

    private void command(int cmd) {
        if (dev1() || (status & BSY) != 0) {
            return;
        }
        intrq = false;
        error = 0;
        transfer = NONE;
        switch (cmd) {
            case CMD_READ, CMD_READ + 1 -> {
                if (startAddress()) {
                    busy(P_SECTOR_IN);
                }
            }
            case CMD_WRITE, CMD_WRITE + 1 -> {
                if (image.readOnly()) {
                    abort();
                } else if (startAddress()) {
                    acceptSector();
                }
            }
            case CMD_IDENTIFY -> busy(P_IDENTIFY);
            case CMD_DIAGNOSTIC -> busy(P_DIAG);
            case CMD_FLUSH -> busy(P_FLUSH);
            case 0x40, 0x41 -> {                        // READ VERIFY SECTORS: address check only
                if (startAddress()) {
                    busy(lba + left <= image.sectors() ? P_DONE : P_SECTOR_IN);
                }
            }
            case 0x91, 0xEF, 0x10 -> busy(P_DONE);      // INITIALIZE DEVICE PARAMETERS, SET FEATURES, RECALIBRATE
            default -> abort();
        }
    }

    /** Decodes the starting address and sector count; false (command failed) for an invalid CHS sector. */
    private boolean startAddress() {
        left = count == 0 ? 256 : count;
        if ((device & 0x40) != 0) {
            lba = (long) (device & 0x0F) << 24 | lbaHigh << 16 | lbaMid << 8 | lbaLow;
            return true;
        }
        int cyl = lbaHigh << 8 | lbaMid;
        if (lbaLow == 0 || lbaLow > AtaIdentify.SECTORS_PER_TRACK) {
            lba = 0;
            fail(IDNF);
            return false;
        }
        lba = ((long) cyl * AtaIdentify.HEADS + (device & 0x0F)) * AtaIdentify.SECTORS_PER_TRACK + lbaLow - 1;
        return true;
    }

    private void acceptSector() {
        if (lba >= image.sectors()) {
            fail(IDNF);
            return;
        }
        bufPos = 0;
        transfer = OUT;
        status = DRDY | DSC | DRQ;
    }

    private void abort() {
        status = DRDY | DSC | ERR;
        error = ABRT;
        transfer = NONE;
        intrq = true;
    }

    /** Ends the command with an error; the address registers report the failing sector. */
    private void fail(int errorBits) {
        status = DRDY | DSC | ERR;
        error = errorBits;
        transfer = NONE;
        left = 0;
        lbaLow = (int) (lba & 0xFF);
        lbaMid = (int) (lba >> 8 & 0xFF);
        lbaHigh = (int) (lba >> 16 & 0xFF);
        if ((device & 0x40) != 0) {
            device = (device & 0xF0) | (int) (lba >> 24 & 0x0F);
        }
        intrq = true;
    }

    private void deviceControl(int v) {
        boolean wasReset = (control & 4) != 0;
        control = v & 0x06;
        if ((v & 4) != 0) {
            status = BSY;
            transfer = NONE;
            pending = P_NONE;
            pendingAt = NEVER;
            intrq = false;
        } else if (wasReset) {
            busy(P_RESET);
        }
    }

    @Override
    public long nextEventTime() {
        return pendingAt;
    }

    @Override
    public void advanceTo(long now) {
        if (pendingAt > now) {
            return;
        }
        int what = pending;
        pending = P_NONE;
        pendingAt = NEVER;
        switch (what) {
            case P_SECTOR_IN -> sectorIn();
            case P_SECTOR_OUT -> sectorOut();
            case P_IDENTIFY -> {
                System.arraycopy(AtaIdentify.build(image.sectors(), serial), 0, buf, 0, buf.length);
                left = 1;
                dataReady(IN);
            }
            case P_DIAG -> {
                signature();
                status = DRDY | DSC;
                intrq = true;
            }
            case P_FLUSH -> {
                try {
                    image.sync();
                    status = DRDY | DSC;
                    intrq = true;
                } catch (IOException e) {
                    status = DRDY | DF | ERR;
                    error = ABRT;
                    intrq = true;
                }
            }
            case P_RESET -> {
                signature();
                status = DRDY | DSC;
            }
            case P_DONE -> {
                status = DRDY | DSC;
                intrq = true;
            }
            default -> { }
        }
        updateIrq();
    }

    private void sectorIn() {
        if (lba >= image.sectors()) {
            fail(IDNF);
            return;
        }
        try {
            image.read(lba, buf);
        } catch (IOException e) {
            fail(UNC);
            return;
        }
        dataReady(IN);
    }

    private void sectorOut() {
        try {
            image.write(lba, buf);
        } catch (IOException e) {
            status = DRDY | DF | ERR;
            error = ABRT;
            intrq = true;
            return;
        }
        lba++;
        left--;
        if (left > 0) {
            acceptSector();
            intrq = true;
        } else {
            status = DRDY | DSC;
            intrq = true;
        }
    }

    private void dataReady(int direction) {
        bufPos = 0;
        transfer = direction;
        status = DRDY | DSC | DRQ;
        intrq = true;
    }

    /** Register contents after reset or diagnostics: an ATA device that passed (ATA-6 9.12). */
    private void signature() {
        error = 0x01;
        count = 1;
        lbaLow = 1;
        lbaMid = 0;
        lbaHigh = 0;
        device = 0;
    }

    private void updateIrq() {
        boolean level = intrq && (control & 2) == 0 && !dev1();
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeUTF(image.path().toString());
        out.writeLong(image.sectors());
        int[] regs = {features, error, count, lbaLow, lbaMid, lbaHigh, device, status, control, bufPos, transfer, left, pending};
        for (int v : regs) {
            out.writeInt(v);
        }
        out.write(buf);
        out.writeLong(lba);
        out.writeLong(pendingAt);
        out.writeBoolean(intrq);
        out.writeBoolean(irqLevel);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        String path = in.readUTF();
        long sectors = in.readLong();
        if (!path.equals(image.path().toString()) || sectors != image.sectors()) {
            throw new IOException("snapshot was taken with disk image " + path + " (" + sectors
                    + " sectors), this machine has " + image.path() + " (" + image.sectors() + " sectors)");
        }
        int[] regs = new int[13];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = in.readInt();
        }
        if (regs[9] < 0 || regs[9] > DiskImage.SECTOR || regs[10] < NONE || regs[10] > OUT
                || regs[12] < P_NONE || regs[12] > P_DIAG || regs[11] < 0 || regs[11] > 256) {
            throw new IOException("ATA state: corrupt transfer state");
        }
        features = regs[0] & 0xFF;
        error = regs[1] & 0xFF;
        count = regs[2] & 0xFF;
        lbaLow = regs[3] & 0xFF;
        lbaMid = regs[4] & 0xFF;
        lbaHigh = regs[5] & 0xFF;
        device = regs[6] & 0x5F;
        status = regs[7] & 0xFF;
        control = regs[8] & 0x06;
        bufPos = regs[9];
        transfer = regs[10];
        left = regs[11];
        pending = regs[12];
        in.readFully(buf);
        lba = in.readLong();
        pendingAt = in.readLong();
        intrq = in.readBoolean();
        irqLevel = in.readBoolean();
    }
}
