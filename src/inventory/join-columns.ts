const GUID_BYTES = 16;
/** Where a GUID's text has its dashes (8-4-4-4-12), and its 32 hex digits. */
const GUID_DASHES = [8, 13, 18, 23];
const GUID_LENGTH = 36;
const DASH = 0x2d;
const GUID_DIGITS_AT = Array.from({ length: GUID_LENGTH }, (_, at) => at).filter((at) => !GUID_DASHES.includes(at));
/** Each byte's two lower-case hex digits. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const INITIAL_SLOTS = 64;

/** How a slot's license id is held. */
const enum IdForm {
  None = 0,
  Packed = 1,
  AsGiven = 2,
}

/**
 * What a join decided for each of its keys, a slot per key, in columns rather than an object per key:
 * the license (its id, trial flag and type) and the last backup (its time, and its status as a
 * small number that the join names; 0: none). License ids in the Console's GUID form take 16 bytes
 * each, any other form is kept as given. Columns double as slots are added.
 */
export class JoinColumns {
  readonly licenseTypes: (string | undefined)[] = [];
  licenseTrial = new Uint8Array(INITIAL_SLOTS);
  backupTime = new Float64Array(INITIAL_SLOTS);
  backupStatus = new Uint8Array(INITIAL_SLOTS);
  #licenseIdForm = new Uint8Array(INITIAL_SLOTS);
  #licenseGuids = new Uint8Array(INITIAL_SLOTS * GUID_BYTES);
  readonly #licenseIdsAsGiven = new Map<number, string>();
  #count = 0;

  /** A new slot, with no license and no backup. */
  add(): number {
    if (this.#count === this.backupTime.length) {
      const slots = this.#count * 2;
      this.licenseTrial = grown(this.licenseTrial, new Uint8Array(slots));
      this.backupTime = grown(this.backupTime, new Float64Array(slots));
      this.backupStatus = grown(this.backupStatus, new Uint8Array(slots));
      this.#licenseIdForm = grown(this.#licenseIdForm, new Uint8Array(slots));
      this.#licenseGuids = grown(this.#licenseGuids, new Uint8Array(slots * GUID_BYTES));
    }
    this.licenseTypes.push(undefined);
    return this.#count++;
  }

  /** The slot's license id exactly as it was set; undefined while it has none. */
  licenseIdOf(slot: number): string | undefined {
    switch (this.#licenseIdForm[slot] as IdForm) {
      case IdForm.None:
        return undefined;
      case IdForm.AsGiven:
        return this.#licenseIdsAsGiven.get(slot);
      case IdForm.Packed:
        return unpackGuid(this.#licenseGuids, slot * GUID_BYTES);
    }
  }

  setLicenseId(slot: number, id: string): void {
    if (packGuid(id, this.#licenseGuids, slot * GUID_BYTES)) {
      this.#licenseIdForm[slot] = IdForm.Packed;
      this.#licenseIdsAsGiven.delete(slot);
    } else {
      this.#licenseIdsAsGiven.set(slot, id);
      this.#licenseIdForm[slot] = IdForm.AsGiven;
    }
  }
}

function grown<T extends Uint8Array | Float64Array>(old: T, larger: T): T {
  larger.set(old);
  return larger;
}

/** Writes a lower-case GUID's 16 bytes at `offset`; false (and the bytes left unspecified) for any other text. */
function packGuid(text: string, bytes: Uint8Array, offset: number): boolean {
  if (text.length !== GUID_LENGTH || GUID_DASHES.some((at) => text.charCodeAt(at) !== DASH)) return false;
  for (let i = 0; i < GUID_BYTES; i++) {
    const high = hexDigit(text.charCodeAt(GUID_DIGITS_AT[2 * i]));
    const low = hexDigit(text.charCodeAt(GUID_DIGITS_AT[2 * i + 1]));
    if (high < 0 || low < 0) return false;
    bytes[offset + i] = (high << 4) | low;
  }
  return true;
}

function unpackGuid(bytes: Uint8Array, offset: number): string {
  let text = '';
  for (let i = 0; i < GUID_BYTES; i++) {
    if (GUID_DASHES.includes(text.length)) text += '-';
    text += HEX_PAIRS[bytes[offset + i]];
  }
  return text;
}


/** 0–15 for a digit or a lower-case a–f; -1 for anything else. */
function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}
