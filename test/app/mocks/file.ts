// Stand-in for imported images in the `app` jest project.
export default 'test-file-stub';
