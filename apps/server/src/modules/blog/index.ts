// The head's blog (channel 7): heads' pages, news and events; questions to the head go into
// the register through the qa module. Owns blog_head and blog_post.
export { blogRoutes } from './blog.routes.ts';
export { listHeads } from './blog.service.ts';
export { seedDemoBlogs } from './demo-seed.ts';
