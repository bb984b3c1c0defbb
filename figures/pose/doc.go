// Package pose draws the built-in exercise illustrations from pose data:
// one body model, seen from the side (body.go, body_outline.go) or from
// the front, standing, seated, lying on its side or seen from above
// (body_front.go), a solver that puts it in a position and makes what
// should rest on the mat or a prop touch it (pose.go), the props drawn to
// real sizes (pose_props.go), and the tables of poses (pose_table.go for
// the mid-back handout, pose_library.go for the exercise library). Every drawing uses the same body, scale and
// line weight; its units are centimetres of the real world. The drawings
// are solved at development time (builtin_data.go); raster.go previews one
// as PNG and contact.go lays them all out on a contact sheet.
package pose
