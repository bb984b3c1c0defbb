package pose

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"fmt"
	"image/color"
	"io"
	"math"

	"handout/figures"
)

// The built-in drawings are solved from pose data (pose_table.go) at
// development time, not in every process: solving the fifteen drawings of
// the mid-back handout took about two thirds of a `handout render` run;
// reading one from the file takes about 0.1 ms.
// builtin_drawings.bin holds what drawPose makes of every pose, float
// for float, so a drawing read from it is the same as one solved. The
// solver stays the source of truth: TestBuiltinDrawingsData solves every
// pose again and fails if the file differs; regenerate it with
//
//	go generate ./figures/pose
//
// after changing a pose, the body or the house style.
//
//go:generate go test -run TestBuiltinDrawingsData -update .
//go:embed builtin_drawings.bin
var drawingsData []byte

// dataMagic starts builtin_drawings.bin. Then, for each drawing: its
// name (uint16 length, bytes), the length of its entry (uint32), and the
// entry: the drawing's encoding (encode) compressed with DEFLATE.
// Numbers are little-endian; floats are their IEEE 754 bits, so nothing is
// rounded. Each drawing is compressed on its own (a third of the size) so
// that reading one inflates only its own 15 KB or so.
const dataMagic = "handout-drawings 1\n"

// maxDrawingBytes caps one drawing's inflated encoding: far above the
// largest (about 25 KB), and small enough that damaged data cannot make a
// large allocation.
const maxDrawingBytes = 4 << 20

// storedDrawing returns the named drawing from data, or false if data does
// not hold it (a pose added since the file was generated is then solved).
func storedDrawing(data []byte, name string) (figures.Drawing, bool) {
	rest, ok := cutPrefix(data, dataMagic)
	for ok && len(rest) >= 2 {
		n := int(binary.LittleEndian.Uint16(rest))
		if len(rest) < 2+n+4 {
			return figures.Drawing{}, false
		}
		entry := string(rest[2 : 2+n])
		size := int(binary.LittleEndian.Uint32(rest[2+n:]))
		rest = rest[2+n+4:]
		if size > len(rest) {
			return figures.Drawing{}, false
		}
		if entry == name {
			raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(rest[:size])), maxDrawingBytes))
			if err != nil {
				return figures.Drawing{}, false
			}
			d, err := decode(raw)
			return d, err == nil
		}
		rest = rest[size:]
	}
	return figures.Drawing{}, false
}

func cutPrefix(b []byte, prefix string) ([]byte, bool) {
	if len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		return nil, false
	}
	return b[len(prefix):], true
}

// data encodes the named drawings as builtin_drawings.bin.
func data(names []string, draw func(string) (figures.Drawing, error)) ([]byte, error) {
	out := []byte(dataMagic)
	for _, name := range names {
		d, err := draw(name)
		if err != nil {
			return nil, err
		}
		var enc bytes.Buffer
		zw, _ := flate.NewWriter(&enc, flate.BestCompression) // the level is valid
		zw.Write(encode(d))                                   // a bytes.Buffer does not fail
		zw.Close()
		out = binary.LittleEndian.AppendUint16(out, uint16(len(name)))
		out = append(out, name...)
		out = binary.LittleEndian.AppendUint32(out, uint32(enc.Len()))
		out = append(out, enc.Bytes()...)
	}
	return out, nil
}

// encode writes W, H and the shape count, then per shape its fill
// and stroke (RGBA bytes), line width and segment count, then per segment
// its operator and the coordinates it uses (Op.Points).
func encode(d figures.Drawing) []byte {
	le := binary.LittleEndian
	f := func(b []byte, v float64) []byte { return le.AppendUint64(b, math.Float64bits(v)) }
	b := f(f(nil, d.W), d.H)
	b = le.AppendUint32(b, uint32(len(d.Shapes)))
	for _, sh := range d.Shapes {
		b = append(b, sh.Fill.R, sh.Fill.G, sh.Fill.B, sh.Fill.A, sh.Stroke.R, sh.Stroke.G, sh.Stroke.B, sh.Stroke.A)
		b = f(b, sh.LineWidth)
		b = le.AppendUint32(b, uint32(len(sh.Path)))
		for _, s := range sh.Path {
			b = append(b, byte(s.Op))
			for _, p := range s.Pts[:s.Op.Points()] {
				b = f(f(b, p.X), p.Y)
			}
		}
	}
	return b
}

// decode reads what encode wrote.
func decode(b []byte) (figures.Drawing, error) {
	r := dataReader{b: b}
	d := figures.Drawing{W: r.float(), H: r.float()}
	d.Shapes = make([]figures.Shape, r.count(8+8+4))
	for i := range d.Shapes {
		sh := &d.Shapes[i]
		c := r.bytes(8)
		sh.Fill = color.RGBA{c[0], c[1], c[2], c[3]}
		sh.Stroke = color.RGBA{c[4], c[5], c[6], c[7]}
		sh.LineWidth = r.float()
		sh.Path = make([]figures.Segment, r.count(1))
		for j := range sh.Path {
			s := &sh.Path[j]
			s.Op = figures.Op(r.bytes(1)[0])
			if s.Op > figures.Close {
				r.err = fmt.Errorf("unknown path operator %d", s.Op)
				break
			}
			for k := range s.Op.Points() {
				s.Pts[k] = figures.Point{X: r.float(), Y: r.float()}
			}
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%d bytes left over", len(r.b))
	}
	return d, r.err
}

// dataReader reads builtin_drawings.bin; after the first short read every
// read returns zeros and err says what went wrong.
type dataReader struct {
	b   []byte
	err error
}

func (r *dataReader) bytes(n int) []byte {
	if r.err != nil || len(r.b) < n {
		if r.err == nil {
			r.err = fmt.Errorf("drawing data cut short")
		}
		return make([]byte, n)
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *dataReader) float() float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(r.bytes(8)))
}

// count reads a count of items at least min bytes each, refusing one that
// the remaining data cannot hold (so a damaged file cannot ask for a huge
// allocation).
func (r *dataReader) count(min int) int {
	n := int(binary.LittleEndian.Uint32(r.bytes(4)))
	if r.err == nil && n*min > len(r.b) {
		r.err = fmt.Errorf("drawing data cut short")
		return 0
	}
	return n
}
