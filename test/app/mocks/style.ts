// Stand-in for imported .scss/.css files in the `app` jest project.
export default {};
