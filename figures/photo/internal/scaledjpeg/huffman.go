package scaledjpeg

// lutBits is how many bits the look-up tables index. Nine covers nearly
// every symbol of a photo's tables in one look-up (libjpeg-turbo uses 8,
// stb_image 9); longer codes take the canonical slow path.
const lutBits = 9

// huffTable is one Huffman table, ready for decoding.
type huffTable struct {
	// lut[peek] is length<<8 | symbol for codes of lutBits or fewer bits,
	// 0 for longer ones.
	lut [1 << lutBits]uint16
	// fastAC[peek], for AC tables, decodes a whole coefficient when the
	// code and its extra bits fit in lutBits: value<<16 | run<<8 | bits
	// used. 0 when they do not.
	fastAC [1 << lutBits]int32
	// maxCode[l] is the largest code of length l (-1 if none); valOff[l]
	// turns a code of length l into an index into vals.
	maxCode [17]int32
	valOff  [17]int32
	vals    [256]uint8
}

// build makes t from a DHT table's code counts per length and symbols.
func (t *huffTable) build(counts *[16]int, symbols []byte, ac bool) error {
	*t = huffTable{}
	copy(t.vals[:], symbols)
	code, k := int32(0), int32(0)
	for l := 1; l <= 16; l++ {
		n := int32(counts[l-1])
		t.maxCode[l] = -1
		if n > 0 {
			t.valOff[l] = k - code
			for range n {
				if code >= 1<<l {
					return FormatError("Huffman table has too many codes")
				}
				if l <= lutBits {
					sym := uint16(symbols[k])
					first := code << (lutBits - l)
					for i := first; i < first+1<<(lutBits-l); i++ {
						t.lut[i] = uint16(l)<<8 | sym
					}
				}
				code++
				k++
			}
			t.maxCode[l] = code - 1
		}
		code <<= 1
	}
	if ac {
		for i, e := range t.lut {
			if e == 0 {
				continue
			}
			l, rs := int(e>>8), int(e&0xff)
			run, size := rs>>4, rs&15
			if size == 0 || l+size > lutBits {
				continue
			}
			bits := int32(i>>(lutBits-l-size)) & (1<<size - 1)
			v := extend(bits, size)
			t.fastAC[i] = v<<16 | int32(run)<<8 | int32(l+size)
		}
	}
	return nil
}

// extend turns size raw bits into a signed coefficient (T.81 F.2.2.1).
func extend(v int32, size int) int32 {
	if v < 1<<(size-1) {
		return v - 1<<size + 1
	}
	return v
}

// bitReader reads entropy-coded data MSB first out of memory, removing the
// 0x00 stuffed after each 0xff. At a marker (or the end of the data) it
// feeds zero bits and counts them in pad: a scan that uses any of them is
// cut short.
type bitReader struct {
	data   []byte
	pos    int
	acc    uint64 // valid bits left-aligned
	n      int    // valid bits in acc, pad included
	pad    int    // zero bits fed past a marker or the end
	marker bool   // stopped at a marker
}

// fill tops acc up to at least 57 bits.
func (br *bitReader) fill() {
	for br.n <= 56 {
		var b byte
		if !br.marker && br.pos < len(br.data) {
			b = br.data[br.pos]
			if b != 0xff {
				br.pos++
			} else if br.pos+1 < len(br.data) && br.data[br.pos+1] == 0 {
				br.pos += 2
			} else {
				br.marker, b = true, 0
				br.pad += 8
			}
		} else {
			br.marker = true
			br.pad += 8
		}
		br.acc |= uint64(b) << (56 - br.n)
		br.n += 8
	}
}

// short reports whether decoding has used bits that are not in the data.
func (br *bitReader) short() bool { return br.n < br.pad }

// bits takes size (0..16) bits; the caller has made sure n >= size.
func (br *bitReader) bits(size int) int32 {
	v := int32(br.acc >> (64 - size) & (1<<size - 1))
	br.acc <<= size
	br.n -= size
	return v
}

// decode reads one Huffman symbol; the caller has made sure n >= 16. It
// returns -1 for a code the table does not have.
func (br *bitReader) decode(t *huffTable) int {
	if e := t.lut[br.acc>>(64-lutBits)]; e != 0 {
		l := int(e >> 8)
		br.acc <<= l
		br.n -= l
		return int(e & 0xff)
	}
	for l := lutBits + 1; l <= 16; l++ {
		code := int32(br.acc >> (64 - l))
		if code <= t.maxCode[l] {
			br.acc <<= l
			br.n -= l
			return int(t.vals[(code+t.valOff[l])&0xff])
		}
	}
	return -1
}

// restartAt skips to the RSTn marker expected after a restart interval and
// starts reading the data after it.
func (br *bitReader) restartAt(want byte) bool {
	i := br.pos
	for i+1 < len(br.data) && (br.data[i] != 0xff || br.data[i+1] == 0 || br.data[i+1] == 0xff) {
		i++
	}
	if i+1 >= len(br.data) || br.data[i+1] != want {
		return false
	}
	*br = bitReader{data: br.data, pos: i + 2}
	return true
}
