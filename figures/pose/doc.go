// Package pose draws the built-in exercise illustrations from pose data:
// one body model (body.go, body_outline.go), a solver that puts it in a
// position and makes what should rest on the mat or a prop touch it
// (pose.go), the props drawn to real sizes (pose_props.go), and the table
// of poses (pose_table.go). Every drawing uses the same body, scale and
// line weight; its units are centimetres of the real world. The drawings
// are solved at development time (builtin_data.go); raster.go previews one
// as PNG and contact.go lays them all out on a contact sheet.
package pose
